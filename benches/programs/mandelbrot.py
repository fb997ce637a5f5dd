# The Mandelbrot set as text: for each point of a grid, iterate z = z*z + c with floats (no
# complex numbers) until it escapes or the budget runs out; print the picture and a checksum.


def escape_time(cr, ci, limit):
    zr = 0.0
    zi = 0.0
    n = 0
    while n < limit:
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            return n
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
        n += 1
    return limit


def render(width, height, limit):
    chars = " .:-=+*#%@"
    lines = []
    total = 0
    for row in range(height):
        ci = -1.2 + 2.4 * row / (height - 1)
        line = []
        for col in range(width):
            cr = -2.1 + 3.0 * col / (width - 1)
            n = escape_time(cr, ci, limit)
            total += n
            line.append(chars[n * (len(chars) - 1) // limit])
        lines.append("".join(line))
    return lines, total


lines, total = render(144, 64, 2000)
for line in lines:
    print(line.rstrip())
print("checksum", total)
