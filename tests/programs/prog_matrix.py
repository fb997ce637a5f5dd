# Matrix multiplication, transpose, identity, power and determinant
def matmul(a, b):
    n, m, p = len(a), len(b), len(b[0])
    assert len(a[0]) == m, "shape mismatch"
    out = [[0] * p for _ in range(n)]
    for i in range(n):
        for j in range(p):
            s = 0
            for k in range(m):
                s += a[i][k] * b[k][j]
            out[i][j] = s
    return out
def transpose(a):
    return [list(col) for col in zip(*a)]
def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]
def matpow(a, e):
    result = identity(len(a))
    while e:
        if e & 1:
            result = matmul(result, a)
        a = matmul(a, a)
        e >>= 1
    return result
def det(m):
    if len(m) == 1:
        return m[0][0]
    total = 0
    for c in range(len(m)):
        minor = [row[:c] + row[c + 1:] for row in m[1:]]
        total += (-1) ** c * m[0][c] * det(minor)
    return total
def show(name, m):
    print(name)
    for row in m:
        print("  " + " ".join(str(v).rjust(6) for v in row))
A = [[1, 2, 3], [4, 5, 6]]
B = [[7, 8], [9, 10], [11, 12]]
show("A", A)
show("B", B)
show("A*B", matmul(A, B))
show("B*A", matmul(B, A))
show("A^T", transpose(A))
F = [[1, 1], [1, 0]]
print("fib via matrix:", [matpow(F, n)[0][1] for n in range(15)])
print("fib(200) =", matpow(F, 200)[0][1])
M = [[2, -3, 1], [2, 0, -1], [1, 4, 5]]
print("det M =", det(M), "det I4 =", det(identity(4)))
print("det M^3 =", det(matpow(M, 3)), det(M) ** 3)
R = [[0.5, -0.25], [0.125, 1.5]]
show("R*R", matmul(R, R))
print(matmul(identity(3), M) == M, matmul(M, identity(3)) == M)
try:
    matmul(A, A)
except AssertionError as e:
    print("AssertionError:", e)
