# Spectral norm of the infinite matrix A where
#   A[i][j] = 1 / ((i + j) * (i + j + 1) / 2 + i + 1)
# computed with the power method on a finite N x N corner.

N = 280


def matrix_entry(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def row_dot(i_u):
    i, u = i_u
    total = 0
    for j, u_j in enumerate(u):
        total += matrix_entry(i, j) * u_j
    return total


def column_dot(i_u):
    i, u = i_u
    total = 0
    for j, u_j in enumerate(u):
        total += matrix_entry(j, i) * u_j
    return total


def apply_each(func, u):
    return [func((i, u)) for i in range(len(list(u)))]


def times_a(u):
    return apply_each(row_dot, u)


def times_at(u):
    return apply_each(column_dot, u)


def times_ata(u):
    return times_at(times_a(u))


def spectral_norm(n):
    u = [1] * n
    v = None
    for step in range(10):
        v = times_ata(u)
        u = times_ata(v)
    vbv = vv = 0
    for ue, ve in zip(u, v):
        vbv += ue * ve
        vv += ve * ve
    return (vbv / vv) ** 0.5, u, v


def main():
    norm, u, v = spectral_norm(N)
    print("%.9f" % norm)
    print("u[0] = %.9f, u[-1] = %.9f" % (u[0], u[-1]))
    print("sum(v) = %.6f" % sum(v))
    small, u, v = spectral_norm(10)
    print("n=10: %.9f" % small)


if __name__ == "__main__":
    main()
