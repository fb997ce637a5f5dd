# Fannkuch ("pancake flipping"): for every permutation of 0..n-1, repeatedly
# reverse the first perm[0]+1 elements until 0 comes first; report the maximum
# number of flips and an alternating-sign checksum over all permutations.


def fannkuch(n):
    count = list(range(1, n + 1))
    max_flips = 0
    checksum = 0
    sign = 1
    r = n
    perm1 = list(range(n))
    perm = list(range(n))
    perm1_ins = perm1.insert
    perm1_pop = perm1.pop

    while 1:
        while r != 1:
            count[r - 1] = r
            r -= 1

        if perm1[0] != 0:
            perm = perm1[:]
            flips = 0
            k = perm[0]
            while k:
                perm[:k + 1] = perm[k::-1]
                flips += 1
                k = perm[0]
            if flips > max_flips:
                max_flips = flips
            checksum += sign * flips
        sign = -sign

        # next permutation: rotate prefixes
        while r != n:
            perm1_ins(r, perm1_pop(0))
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        else:
            return checksum, max_flips


def main():
    for n in (5, 6, 7, 9):
        checksum, flips = fannkuch(n)
        print("%d\nPfannkuchen(%d) = %d" % (checksum, n, flips))


if __name__ == "__main__":
    main()
