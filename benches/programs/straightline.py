# Long straight-line functions, as in codecs and crypto code: a ChaCha-style block function
# with its rounds written out, an unrolled 32-bit word hash, an 8x8 DCT/IDCT done with
# explicit butterflies, a 4x4 integer transform, and a 4x4 matrix product and inverse, all
# spelled out statement by statement and called in loops.
import math
import random


def double_round(x0, x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, x11, x12, x13, x14, x15):
    """Two ChaCha rounds (a column round, then a diagonal round) on sixteen 32-bit words."""
    # column rounds
    x0 = (x0 + x4) & 0xFFFFFFFF
    x12 ^= x0
    x12 = ((x12 << 16) | (x12 >> 16)) & 0xFFFFFFFF
    x8 = (x8 + x12) & 0xFFFFFFFF
    x4 ^= x8
    x4 = ((x4 << 12) | (x4 >> 20)) & 0xFFFFFFFF
    x0 = (x0 + x4) & 0xFFFFFFFF
    x12 ^= x0
    x12 = ((x12 << 8) | (x12 >> 24)) & 0xFFFFFFFF
    x8 = (x8 + x12) & 0xFFFFFFFF
    x4 ^= x8
    x4 = ((x4 << 7) | (x4 >> 25)) & 0xFFFFFFFF
    x1 = (x1 + x5) & 0xFFFFFFFF
    x13 ^= x1
    x13 = ((x13 << 16) | (x13 >> 16)) & 0xFFFFFFFF
    x9 = (x9 + x13) & 0xFFFFFFFF
    x5 ^= x9
    x5 = ((x5 << 12) | (x5 >> 20)) & 0xFFFFFFFF
    x1 = (x1 + x5) & 0xFFFFFFFF
    x13 ^= x1
    x13 = ((x13 << 8) | (x13 >> 24)) & 0xFFFFFFFF
    x9 = (x9 + x13) & 0xFFFFFFFF
    x5 ^= x9
    x5 = ((x5 << 7) | (x5 >> 25)) & 0xFFFFFFFF
    x2 = (x2 + x6) & 0xFFFFFFFF
    x14 ^= x2
    x14 = ((x14 << 16) | (x14 >> 16)) & 0xFFFFFFFF
    x10 = (x10 + x14) & 0xFFFFFFFF
    x6 ^= x10
    x6 = ((x6 << 12) | (x6 >> 20)) & 0xFFFFFFFF
    x2 = (x2 + x6) & 0xFFFFFFFF
    x14 ^= x2
    x14 = ((x14 << 8) | (x14 >> 24)) & 0xFFFFFFFF
    x10 = (x10 + x14) & 0xFFFFFFFF
    x6 ^= x10
    x6 = ((x6 << 7) | (x6 >> 25)) & 0xFFFFFFFF
    x3 = (x3 + x7) & 0xFFFFFFFF
    x15 ^= x3
    x15 = ((x15 << 16) | (x15 >> 16)) & 0xFFFFFFFF
    x11 = (x11 + x15) & 0xFFFFFFFF
    x7 ^= x11
    x7 = ((x7 << 12) | (x7 >> 20)) & 0xFFFFFFFF
    x3 = (x3 + x7) & 0xFFFFFFFF
    x15 ^= x3
    x15 = ((x15 << 8) | (x15 >> 24)) & 0xFFFFFFFF
    x11 = (x11 + x15) & 0xFFFFFFFF
    x7 ^= x11
    x7 = ((x7 << 7) | (x7 >> 25)) & 0xFFFFFFFF
    # diagonal rounds
    x0 = (x0 + x5) & 0xFFFFFFFF
    x15 ^= x0
    x15 = ((x15 << 16) | (x15 >> 16)) & 0xFFFFFFFF
    x10 = (x10 + x15) & 0xFFFFFFFF
    x5 ^= x10
    x5 = ((x5 << 12) | (x5 >> 20)) & 0xFFFFFFFF
    x0 = (x0 + x5) & 0xFFFFFFFF
    x15 ^= x0
    x15 = ((x15 << 8) | (x15 >> 24)) & 0xFFFFFFFF
    x10 = (x10 + x15) & 0xFFFFFFFF
    x5 ^= x10
    x5 = ((x5 << 7) | (x5 >> 25)) & 0xFFFFFFFF
    x1 = (x1 + x6) & 0xFFFFFFFF
    x12 ^= x1
    x12 = ((x12 << 16) | (x12 >> 16)) & 0xFFFFFFFF
    x11 = (x11 + x12) & 0xFFFFFFFF
    x6 ^= x11
    x6 = ((x6 << 12) | (x6 >> 20)) & 0xFFFFFFFF
    x1 = (x1 + x6) & 0xFFFFFFFF
    x12 ^= x1
    x12 = ((x12 << 8) | (x12 >> 24)) & 0xFFFFFFFF
    x11 = (x11 + x12) & 0xFFFFFFFF
    x6 ^= x11
    x6 = ((x6 << 7) | (x6 >> 25)) & 0xFFFFFFFF
    x2 = (x2 + x7) & 0xFFFFFFFF
    x13 ^= x2
    x13 = ((x13 << 16) | (x13 >> 16)) & 0xFFFFFFFF
    x8 = (x8 + x13) & 0xFFFFFFFF
    x7 ^= x8
    x7 = ((x7 << 12) | (x7 >> 20)) & 0xFFFFFFFF
    x2 = (x2 + x7) & 0xFFFFFFFF
    x13 ^= x2
    x13 = ((x13 << 8) | (x13 >> 24)) & 0xFFFFFFFF
    x8 = (x8 + x13) & 0xFFFFFFFF
    x7 ^= x8
    x7 = ((x7 << 7) | (x7 >> 25)) & 0xFFFFFFFF
    x3 = (x3 + x4) & 0xFFFFFFFF
    x14 ^= x3
    x14 = ((x14 << 16) | (x14 >> 16)) & 0xFFFFFFFF
    x9 = (x9 + x14) & 0xFFFFFFFF
    x4 ^= x9
    x4 = ((x4 << 12) | (x4 >> 20)) & 0xFFFFFFFF
    x3 = (x3 + x4) & 0xFFFFFFFF
    x14 ^= x3
    x14 = ((x14 << 8) | (x14 >> 24)) & 0xFFFFFFFF
    x9 = (x9 + x14) & 0xFFFFFFFF
    x4 ^= x9
    x4 = ((x4 << 7) | (x4 >> 25)) & 0xFFFFFFFF
    return x0, x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, x11, x12, x13, x14, x15


def chacha_block(key, counter, nonce, rounds):
    k0, k1, k2, k3, k4, k5, k6, k7 = key
    n0, n1, n2 = nonce
    state = (0x61707865, 0x3320646E, 0x79622D32, 0x6B206574,
             k0, k1, k2, k3, k4, k5, k6, k7,
             counter & 0xFFFFFFFF, n0, n1, n2)
    x = state
    for _ in range(rounds // 2):
        x = double_round(*x)
    y0, y1, y2, y3, y4, y5, y6, y7, y8, y9, y10, y11, y12, y13, y14, y15 = x
    s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, s12, s13, s14, s15 = state
    return [
        (y0 + s0) & 0xFFFFFFFF, (y1 + s1) & 0xFFFFFFFF,
        (y2 + s2) & 0xFFFFFFFF, (y3 + s3) & 0xFFFFFFFF,
        (y4 + s4) & 0xFFFFFFFF, (y5 + s5) & 0xFFFFFFFF,
        (y6 + s6) & 0xFFFFFFFF, (y7 + s7) & 0xFFFFFFFF,
        (y8 + s8) & 0xFFFFFFFF, (y9 + s9) & 0xFFFFFFFF,
        (y10 + s10) & 0xFFFFFFFF, (y11 + s11) & 0xFFFFFFFF,
        (y12 + s12) & 0xFFFFFFFF, (y13 + s13) & 0xFFFFFFFF,
        (y14 + s14) & 0xFFFFFFFF, (y15 + s15) & 0xFFFFFFFF,
    ]


def hash_words(w0, w1, w2, w3, w4, w5, w6, w7, seed):
    """A Murmur3-style hash of eight 32-bit words, one block per word, fully unrolled."""
    h = seed & 0xFFFFFFFF
    k = (w0 * 0xCC9E2D51) & 0xFFFFFFFF
    k = ((k << 15) | (k >> 17)) & 0xFFFFFFFF
    k = (k * 0x1B873593) & 0xFFFFFFFF
    h ^= k
    h = ((h << 13) | (h >> 19)) & 0xFFFFFFFF
    h = (h * 5 + 0xE6546B64) & 0xFFFFFFFF
    k = (w1 * 0xCC9E2D51) & 0xFFFFFFFF
    k = ((k << 15) | (k >> 17)) & 0xFFFFFFFF
    k = (k * 0x1B873593) & 0xFFFFFFFF
    h ^= k
    h = ((h << 13) | (h >> 19)) & 0xFFFFFFFF
    h = (h * 5 + 0xE6546B64) & 0xFFFFFFFF
    k = (w2 * 0xCC9E2D51) & 0xFFFFFFFF
    k = ((k << 15) | (k >> 17)) & 0xFFFFFFFF
    k = (k * 0x1B873593) & 0xFFFFFFFF
    h ^= k
    h = ((h << 13) | (h >> 19)) & 0xFFFFFFFF
    h = (h * 5 + 0xE6546B64) & 0xFFFFFFFF
    k = (w3 * 0xCC9E2D51) & 0xFFFFFFFF
    k = ((k << 15) | (k >> 17)) & 0xFFFFFFFF
    k = (k * 0x1B873593) & 0xFFFFFFFF
    h ^= k
    h = ((h << 13) | (h >> 19)) & 0xFFFFFFFF
    h = (h * 5 + 0xE6546B64) & 0xFFFFFFFF
    k = (w4 * 0xCC9E2D51) & 0xFFFFFFFF
    k = ((k << 15) | (k >> 17)) & 0xFFFFFFFF
    k = (k * 0x1B873593) & 0xFFFFFFFF
    h ^= k
    h = ((h << 13) | (h >> 19)) & 0xFFFFFFFF
    h = (h * 5 + 0xE6546B64) & 0xFFFFFFFF
    k = (w5 * 0xCC9E2D51) & 0xFFFFFFFF
    k = ((k << 15) | (k >> 17)) & 0xFFFFFFFF
    k = (k * 0x1B873593) & 0xFFFFFFFF
    h ^= k
    h = ((h << 13) | (h >> 19)) & 0xFFFFFFFF
    h = (h * 5 + 0xE6546B64) & 0xFFFFFFFF
    k = (w6 * 0xCC9E2D51) & 0xFFFFFFFF
    k = ((k << 15) | (k >> 17)) & 0xFFFFFFFF
    k = (k * 0x1B873593) & 0xFFFFFFFF
    h ^= k
    h = ((h << 13) | (h >> 19)) & 0xFFFFFFFF
    h = (h * 5 + 0xE6546B64) & 0xFFFFFFFF
    k = (w7 * 0xCC9E2D51) & 0xFFFFFFFF
    k = ((k << 15) | (k >> 17)) & 0xFFFFFFFF
    k = (k * 0x1B873593) & 0xFFFFFFFF
    h ^= k
    h = ((h << 13) | (h >> 19)) & 0xFFFFFFFF
    h = (h * 5 + 0xE6546B64) & 0xFFFFFFFF
    # finalization: fold in the length and avalanche the bits
    h ^= 32
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & 0xFFFFFFFF
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & 0xFFFFFFFF
    h ^= h >> 16
    return h


C1 = math.cos(1 * math.pi / 16) / 2
C2 = math.cos(2 * math.pi / 16) / 2
C3 = math.cos(3 * math.pi / 16) / 2
C4 = math.cos(4 * math.pi / 16) / 2
C5 = math.cos(5 * math.pi / 16) / 2
C6 = math.cos(6 * math.pi / 16) / 2
C7 = math.cos(7 * math.pi / 16) / 2


def fdct8(v0, v1, v2, v3, v4, v5, v6, v7):
    """Orthonormal 8-point DCT-II, split into even and odd halves."""
    s0 = v0 + v7
    s1 = v1 + v6
    s2 = v2 + v5
    s3 = v3 + v4
    d0 = v0 - v7
    d1 = v1 - v6
    d2 = v2 - v5
    d3 = v3 - v4
    e0 = s0 + s3
    e1 = s1 + s2
    e2 = s0 - s3
    e3 = s1 - s2
    x0 = C4 * (e0 + e1)
    x4 = C4 * (e0 - e1)
    x2 = C2 * e2 + C6 * e3
    x6 = C6 * e2 - C2 * e3
    x1 = C1 * d0 + C3 * d1 + C5 * d2 + C7 * d3
    x3 = C3 * d0 - C7 * d1 - C1 * d2 - C5 * d3
    x5 = C5 * d0 - C1 * d1 + C7 * d2 + C3 * d3
    x7 = C7 * d0 - C5 * d1 + C3 * d2 - C1 * d3
    return x0, x1, x2, x3, x4, x5, x6, x7


def idct8(x0, x1, x2, x3, x4, x5, x6, x7):
    """Inverse of fdct8 (the transposed matrix), with the same even/odd split."""
    e0 = C4 * (x0 + x4)
    e1 = C4 * (x0 - x4)
    e2 = C2 * x2 + C6 * x6
    e3 = C6 * x2 - C2 * x6
    s0 = e0 + e2
    s3 = e0 - e2
    s1 = e1 + e3
    s2 = e1 - e3
    d0 = C1 * x1 + C3 * x3 + C5 * x5 + C7 * x7
    d1 = C3 * x1 - C7 * x3 - C1 * x5 - C5 * x7
    d2 = C5 * x1 - C1 * x3 + C7 * x5 + C3 * x7
    d3 = C7 * x1 - C5 * x3 + C3 * x5 - C1 * x7
    v0 = s0 + d0
    v7 = s0 - d0
    v1 = s1 + d1
    v6 = s1 - d1
    v2 = s2 + d2
    v5 = s2 - d2
    v3 = s3 + d3
    v4 = s3 - d3
    return v0, v1, v2, v3, v4, v5, v6, v7


def dct_8x8(b):
    """2-D DCT of a 64-element block: transform the rows, then the columns."""
    p00, p01, p02, p03, p04, p05, p06, p07 = fdct8(b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7])
    p10, p11, p12, p13, p14, p15, p16, p17 = fdct8(b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15])
    p20, p21, p22, p23, p24, p25, p26, p27 = fdct8(b[16], b[17], b[18], b[19], b[20], b[21], b[22], b[23])
    p30, p31, p32, p33, p34, p35, p36, p37 = fdct8(b[24], b[25], b[26], b[27], b[28], b[29], b[30], b[31])
    p40, p41, p42, p43, p44, p45, p46, p47 = fdct8(b[32], b[33], b[34], b[35], b[36], b[37], b[38], b[39])
    p50, p51, p52, p53, p54, p55, p56, p57 = fdct8(b[40], b[41], b[42], b[43], b[44], b[45], b[46], b[47])
    p60, p61, p62, p63, p64, p65, p66, p67 = fdct8(b[48], b[49], b[50], b[51], b[52], b[53], b[54], b[55])
    p70, p71, p72, p73, p74, p75, p76, p77 = fdct8(b[56], b[57], b[58], b[59], b[60], b[61], b[62], b[63])
    q00, q10, q20, q30, q40, q50, q60, q70 = fdct8(p00, p10, p20, p30, p40, p50, p60, p70)
    q01, q11, q21, q31, q41, q51, q61, q71 = fdct8(p01, p11, p21, p31, p41, p51, p61, p71)
    q02, q12, q22, q32, q42, q52, q62, q72 = fdct8(p02, p12, p22, p32, p42, p52, p62, p72)
    q03, q13, q23, q33, q43, q53, q63, q73 = fdct8(p03, p13, p23, p33, p43, p53, p63, p73)
    q04, q14, q24, q34, q44, q54, q64, q74 = fdct8(p04, p14, p24, p34, p44, p54, p64, p74)
    q05, q15, q25, q35, q45, q55, q65, q75 = fdct8(p05, p15, p25, p35, p45, p55, p65, p75)
    q06, q16, q26, q36, q46, q56, q66, q76 = fdct8(p06, p16, p26, p36, p46, p56, p66, p76)
    q07, q17, q27, q37, q47, q57, q67, q77 = fdct8(p07, p17, p27, p37, p47, p57, p67, p77)
    return [
        q00, q01, q02, q03, q04, q05, q06, q07,
        q10, q11, q12, q13, q14, q15, q16, q17,
        q20, q21, q22, q23, q24, q25, q26, q27,
        q30, q31, q32, q33, q34, q35, q36, q37,
        q40, q41, q42, q43, q44, q45, q46, q47,
        q50, q51, q52, q53, q54, q55, q56, q57,
        q60, q61, q62, q63, q64, q65, q66, q67,
        q70, q71, q72, q73, q74, q75, q76, q77,
    ]


def idct_8x8(c):
    """Inverse of dct_8x8: columns first, then rows."""
    q00, q10, q20, q30, q40, q50, q60, q70 = idct8(c[0], c[8], c[16], c[24], c[32], c[40], c[48], c[56])
    q01, q11, q21, q31, q41, q51, q61, q71 = idct8(c[1], c[9], c[17], c[25], c[33], c[41], c[49], c[57])
    q02, q12, q22, q32, q42, q52, q62, q72 = idct8(c[2], c[10], c[18], c[26], c[34], c[42], c[50], c[58])
    q03, q13, q23, q33, q43, q53, q63, q73 = idct8(c[3], c[11], c[19], c[27], c[35], c[43], c[51], c[59])
    q04, q14, q24, q34, q44, q54, q64, q74 = idct8(c[4], c[12], c[20], c[28], c[36], c[44], c[52], c[60])
    q05, q15, q25, q35, q45, q55, q65, q75 = idct8(c[5], c[13], c[21], c[29], c[37], c[45], c[53], c[61])
    q06, q16, q26, q36, q46, q56, q66, q76 = idct8(c[6], c[14], c[22], c[30], c[38], c[46], c[54], c[62])
    q07, q17, q27, q37, q47, q57, q67, q77 = idct8(c[7], c[15], c[23], c[31], c[39], c[47], c[55], c[63])
    p00, p01, p02, p03, p04, p05, p06, p07 = idct8(q00, q01, q02, q03, q04, q05, q06, q07)
    p10, p11, p12, p13, p14, p15, p16, p17 = idct8(q10, q11, q12, q13, q14, q15, q16, q17)
    p20, p21, p22, p23, p24, p25, p26, p27 = idct8(q20, q21, q22, q23, q24, q25, q26, q27)
    p30, p31, p32, p33, p34, p35, p36, p37 = idct8(q30, q31, q32, q33, q34, q35, q36, q37)
    p40, p41, p42, p43, p44, p45, p46, p47 = idct8(q40, q41, q42, q43, q44, q45, q46, q47)
    p50, p51, p52, p53, p54, p55, p56, p57 = idct8(q50, q51, q52, q53, q54, q55, q56, q57)
    p60, p61, p62, p63, p64, p65, p66, p67 = idct8(q60, q61, q62, q63, q64, q65, q66, q67)
    p70, p71, p72, p73, p74, p75, p76, p77 = idct8(q70, q71, q72, q73, q74, q75, q76, q77)
    return [
        p00, p01, p02, p03, p04, p05, p06, p07,
        p10, p11, p12, p13, p14, p15, p16, p17,
        p20, p21, p22, p23, p24, p25, p26, p27,
        p30, p31, p32, p33, p34, p35, p36, p37,
        p40, p41, p42, p43, p44, p45, p46, p47,
        p50, p51, p52, p53, p54, p55, p56, p57,
        p60, p61, p62, p63, p64, p65, p66, p67,
        p70, p71, p72, p73, p74, p75, p76, p77,
    ]


def forward4x4(blk):
    """H.264-style 4x4 integer core transform, Y = C X C^T, written out in full."""
    x00, x01, x02, x03, x10, x11, x12, x13, x20, x21, x22, x23, x30, x31, x32, x33 = blk
    # rows
    r0s = x00 + x03
    r0t = x00 - x03
    r0u = x01 + x02
    r0v = x01 - x02
    r00 = r0s + r0u
    r01 = 2 * r0t + r0v
    r02 = r0s - r0u
    r03 = r0t - 2 * r0v
    r1s = x10 + x13
    r1t = x10 - x13
    r1u = x11 + x12
    r1v = x11 - x12
    r10 = r1s + r1u
    r11 = 2 * r1t + r1v
    r12 = r1s - r1u
    r13 = r1t - 2 * r1v
    r2s = x20 + x23
    r2t = x20 - x23
    r2u = x21 + x22
    r2v = x21 - x22
    r20 = r2s + r2u
    r21 = 2 * r2t + r2v
    r22 = r2s - r2u
    r23 = r2t - 2 * r2v
    r3s = x30 + x33
    r3t = x30 - x33
    r3u = x31 + x32
    r3v = x31 - x32
    r30 = r3s + r3u
    r31 = 2 * r3t + r3v
    r32 = r3s - r3u
    r33 = r3t - 2 * r3v
    # columns
    c0s = r00 + r30
    c0t = r00 - r30
    c0u = r10 + r20
    c0v = r10 - r20
    y00 = c0s + c0u
    y10 = 2 * c0t + c0v
    y20 = c0s - c0u
    y30 = c0t - 2 * c0v
    c1s = r01 + r31
    c1t = r01 - r31
    c1u = r11 + r21
    c1v = r11 - r21
    y01 = c1s + c1u
    y11 = 2 * c1t + c1v
    y21 = c1s - c1u
    y31 = c1t - 2 * c1v
    c2s = r02 + r32
    c2t = r02 - r32
    c2u = r12 + r22
    c2v = r12 - r22
    y02 = c2s + c2u
    y12 = 2 * c2t + c2v
    y22 = c2s - c2u
    y32 = c2t - 2 * c2v
    c3s = r03 + r33
    c3t = r03 - r33
    c3u = r13 + r23
    c3v = r13 - r23
    y03 = c3s + c3u
    y13 = 2 * c3t + c3v
    y23 = c3s - c3u
    y33 = c3t - 2 * c3v
    return (y00, y01, y02, y03, y10, y11, y12, y13,
            y20, y21, y22, y23, y30, y31, y32, y33)


def inverse4x4_scaled(coef):
    """Exact inverse of forward4x4 times 400: X * 400 = C^T (S Y S) C with S = diag(5, 2, 5, 2)."""
    y00, y01, y02, y03, y10, y11, y12, y13, y20, y21, y22, y23, y30, y31, y32, y33 = coef
    t00 = y00 * 25
    t01 = y01 * 10
    t02 = y02 * 25
    t03 = y03 * 10
    t10 = y10 * 10
    t11 = y11 * 4
    t12 = y12 * 10
    t13 = y13 * 4
    t20 = y20 * 25
    t21 = y21 * 10
    t22 = y22 * 25
    t23 = y23 * 10
    t30 = y30 * 10
    t31 = y31 * 4
    t32 = y32 * 10
    t33 = y33 * 4
    # columns
    c0e = t00 + t20
    c0f = t00 - t20
    c0g = 2 * t10 + t30
    c0h = t10 - 2 * t30
    r00 = c0e + c0g
    r10 = c0f + c0h
    r20 = c0f - c0h
    r30 = c0e - c0g
    c1e = t01 + t21
    c1f = t01 - t21
    c1g = 2 * t11 + t31
    c1h = t11 - 2 * t31
    r01 = c1e + c1g
    r11 = c1f + c1h
    r21 = c1f - c1h
    r31 = c1e - c1g
    c2e = t02 + t22
    c2f = t02 - t22
    c2g = 2 * t12 + t32
    c2h = t12 - 2 * t32
    r02 = c2e + c2g
    r12 = c2f + c2h
    r22 = c2f - c2h
    r32 = c2e - c2g
    c3e = t03 + t23
    c3f = t03 - t23
    c3g = 2 * t13 + t33
    c3h = t13 - 2 * t33
    r03 = c3e + c3g
    r13 = c3f + c3h
    r23 = c3f - c3h
    r33 = c3e - c3g
    # rows
    r0e = r00 + r02
    r0f = r00 - r02
    r0g = 2 * r01 + r03
    r0h = r01 - 2 * r03
    x00 = r0e + r0g
    x01 = r0f + r0h
    x02 = r0f - r0h
    x03 = r0e - r0g
    r1e = r10 + r12
    r1f = r10 - r12
    r1g = 2 * r11 + r13
    r1h = r11 - 2 * r13
    x10 = r1e + r1g
    x11 = r1f + r1h
    x12 = r1f - r1h
    x13 = r1e - r1g
    r2e = r20 + r22
    r2f = r20 - r22
    r2g = 2 * r21 + r23
    r2h = r21 - 2 * r23
    x20 = r2e + r2g
    x21 = r2f + r2h
    x22 = r2f - r2h
    x23 = r2e - r2g
    r3e = r30 + r32
    r3f = r30 - r32
    r3g = 2 * r31 + r33
    r3h = r31 - 2 * r33
    x30 = r3e + r3g
    x31 = r3f + r3h
    x32 = r3f - r3h
    x33 = r3e - r3g
    return (x00, x01, x02, x03, x10, x11, x12, x13,
            x20, x21, x22, x23, x30, x31, x32, x33)


def mat4_mul(a, b):
    a00, a01, a02, a03, a10, a11, a12, a13, a20, a21, a22, a23, a30, a31, a32, a33 = a
    b00, b01, b02, b03, b10, b11, b12, b13, b20, b21, b22, b23, b30, b31, b32, b33 = b
    return (
        a00 * b00 + a01 * b10 + a02 * b20 + a03 * b30,
        a00 * b01 + a01 * b11 + a02 * b21 + a03 * b31,
        a00 * b02 + a01 * b12 + a02 * b22 + a03 * b32,
        a00 * b03 + a01 * b13 + a02 * b23 + a03 * b33,
        a10 * b00 + a11 * b10 + a12 * b20 + a13 * b30,
        a10 * b01 + a11 * b11 + a12 * b21 + a13 * b31,
        a10 * b02 + a11 * b12 + a12 * b22 + a13 * b32,
        a10 * b03 + a11 * b13 + a12 * b23 + a13 * b33,
        a20 * b00 + a21 * b10 + a22 * b20 + a23 * b30,
        a20 * b01 + a21 * b11 + a22 * b21 + a23 * b31,
        a20 * b02 + a21 * b12 + a22 * b22 + a23 * b32,
        a20 * b03 + a21 * b13 + a22 * b23 + a23 * b33,
        a30 * b00 + a31 * b10 + a32 * b20 + a33 * b30,
        a30 * b01 + a31 * b11 + a32 * b21 + a33 * b31,
        a30 * b02 + a31 * b12 + a32 * b22 + a33 * b32,
        a30 * b03 + a31 * b13 + a32 * b23 + a33 * b33,
    )


def mat4_inverse(m):
    """Inverse by cofactors, using the twelve 2x2 minors of the top and bottom row pairs."""
    a00, a01, a02, a03, a10, a11, a12, a13, a20, a21, a22, a23, a30, a31, a32, a33 = m
    s0 = a00 * a11 - a01 * a10
    s1 = a00 * a12 - a02 * a10
    s2 = a00 * a13 - a03 * a10
    s3 = a01 * a12 - a02 * a11
    s4 = a01 * a13 - a03 * a11
    s5 = a02 * a13 - a03 * a12
    c0 = a20 * a31 - a21 * a30
    c1 = a20 * a32 - a22 * a30
    c2 = a20 * a33 - a23 * a30
    c3 = a21 * a32 - a22 * a31
    c4 = a21 * a33 - a23 * a31
    c5 = a22 * a33 - a23 * a32
    det = s0 * c5 - s1 * c4 + s2 * c3 + s3 * c2 - s4 * c1 + s5 * c0
    if abs(det) < 1e-9:
        return None, det
    inv = 1.0 / det
    b00 = (a11 * c5 - a12 * c4 + a13 * c3) * inv
    b01 = (-a01 * c5 + a02 * c4 - a03 * c3) * inv
    b02 = (a31 * s5 - a32 * s4 + a33 * s3) * inv
    b03 = (-a21 * s5 + a22 * s4 - a23 * s3) * inv
    b10 = (-a10 * c5 + a12 * c2 - a13 * c1) * inv
    b11 = (a00 * c5 - a02 * c2 + a03 * c1) * inv
    b12 = (-a30 * s5 + a32 * s2 - a33 * s1) * inv
    b13 = (a20 * s5 - a22 * s2 + a23 * s1) * inv
    b20 = (a10 * c4 - a11 * c2 + a13 * c0) * inv
    b21 = (-a00 * c4 + a01 * c2 - a03 * c0) * inv
    b22 = (a30 * s4 - a31 * s2 + a33 * s0) * inv
    b23 = (-a20 * s4 + a21 * s2 - a23 * s0) * inv
    b30 = (-a10 * c3 + a11 * c1 - a12 * c0) * inv
    b31 = (a00 * c3 - a01 * c1 + a02 * c0) * inv
    b32 = (-a30 * s3 + a31 * s1 - a32 * s0) * inv
    b33 = (a20 * s3 - a21 * s1 + a22 * s0) * inv
    return (b00, b01, b02, b03, b10, b11, b12, b13,
            b20, b21, b22, b23, b30, b31, b32, b33), det


QUANT = [
    16, 11, 10, 16, 24, 40, 51, 61,
    12, 12, 14, 19, 26, 58, 60, 55,
    14, 13, 16, 24, 40, 57, 69, 56,
    14, 17, 22, 29, 51, 87, 80, 62,
    18, 22, 37, 56, 68, 109, 103, 77,
    24, 35, 55, 64, 81, 104, 113, 92,
    49, 64, 78, 87, 103, 121, 120, 101,
    72, 92, 95, 98, 112, 100, 103, 99,
]


def make_block(bx, by):
    """A smooth 8x8 patch of a synthetic picture (gradients, a ripple and some noise)."""
    block = []
    for y in range(8):
        for x in range(8):
            gx = bx * 8 + x
            gy = by * 8 + y
            v = 128 + 60 * math.sin(gx * 0.07) * math.cos(gy * 0.05) + (gx ^ gy) % 17
            v += random.random() * 8 - 4
            block.append(v - 128)
    return block


def run_cipher(n_blocks):
    key = (0x03020100, 0x07060504, 0x0B0A0908, 0x0F0E0D0C,
           0x13121110, 0x17161514, 0x1B1A1918, 0x1F1E1D1C)
    nonce = (0x09000000, 0x4A000000, 0x00000000)
    folded = 0
    ones = 0
    first = None
    for counter in range(1, n_blocks + 1):
        words = chacha_block(key, counter, nonce, 20)
        if first is None:
            first = words[:4]
        for w in words:
            folded = (folded * 33 ^ w) & 0xFFFFFFFFFFFF
            ones += bin(w).count("1")
    # With this key, nonce and counter 1 the first words match the test vector of RFC 7539 2.3.2.
    print("cipher first words", " ".join("%08x" % w for w in first))
    print("cipher blocks", n_blocks, "folded %012x" % folded, "bit balance",
          round(ones / (n_blocks * 512), 6))


def run_hash(n):
    buckets = [0] * 64
    acc = 0
    for i in range(n):
        h = hash_words(i, i * 7, i ^ 0x5555, i >> 3, 1000003 * i & 0xFFFFFFFF, 42, i % 97, n - i,
                       0x9747B28C)
        buckets[h & 63] += 1
        acc ^= h
        acc = ((acc << 5) | (acc >> 27)) & 0xFFFFFFFF
    print("hash of zeros %08x" % hash_words(0, 0, 0, 0, 0, 0, 0, 0, 0))
    print("hashes", n, "accumulated %08x" % acc, "buckets min", min(buckets), "max", max(buckets))


def run_dct(width, height):
    random.seed(5)
    zeros = 0
    total_error = 0.0
    worst = 0.0
    dc_sum = 0
    for by in range(height):
        for bx in range(width):
            block = make_block(bx, by)
            coeffs = dct_8x8(block)
            quantized = [round(c / q) for c, q in zip(coeffs, QUANT)]
            for v in quantized:
                if v == 0:
                    zeros += 1
            dc_sum += quantized[0]
            restored = idct_8x8([v * q for v, q in zip(quantized, QUANT)])
            for a, b in zip(block, restored):
                err = abs(a - b)
                total_error += err
                if err > worst:
                    worst = err
            exact = idct_8x8(coeffs)
            for a, b in zip(block, exact):
                if abs(a - b) > 1e-9:
                    raise ValueError("DCT round trip failed")
    n = width * height
    print("dct blocks", n, "zero coefficients", zeros, "of", n * 64, "dc sum", dc_sum)
    print("mean abs error %.4f worst %.4f" % (total_error / (n * 64), worst))


def run_matrices(n):
    random.seed(9)
    product = (1.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0)
    singular = 0
    bad = 0
    det_sum = 0.0
    for i in range(n):
        m = tuple(round(random.random() * 4 - 2, 2) for _ in range(16))
        if i % 50 == 0:
            # Every fiftieth matrix has two equal rows, so it has no inverse.
            m = m[:8] + m[4:8] + m[12:]
        inv, det = mat4_inverse(m)
        if inv is None:
            singular += 1
            continue
        det_sum += det
        check = mat4_mul(m, inv)
        for k in range(16):
            expected = 1.0 if k % 5 == 0 else 0.0
            if abs(check[k] - expected) > 1e-6 * (1 + abs(det) ** -1):
                bad += 1
        # Keep a running product of well-conditioned matrices, rescaled to stay bounded.
        if abs(det) > 0.5:
            product = mat4_mul(product, m)
            scale = max(abs(v) for v in product)
            product = tuple(v / scale for v in product)
    print("matrices", n, "singular", singular, "bad entries", bad, "det sum %.6f" % det_sum)
    print("product row 0", " ".join("%.6f" % v for v in product[:4]))


def run_int4(n):
    """Residual blocks through the 4x4 integer transform, a dead-zone quantizer and back."""
    random.seed(13)
    zeros = 0
    energy = 0
    folded = 0
    for i in range(n):
        base = random.randrange(-20, 21)
        slope = random.randrange(-6, 7)
        blk = tuple(base + slope * (k % 4) + random.randrange(-3, 4) for k in range(16))
        coef = forward4x4(blk)
        back = inverse4x4_scaled(coef)
        for a, b in zip(blk, back):
            if a * 400 != b:
                raise ValueError("4x4 transform round trip failed")
        level = tuple(c // 24 if c >= 0 else -(-c // 24) for c in coef)
        for v in level:
            if v == 0:
                zeros += 1
            energy += v * v
        folded = (folded * 31 + level[0] * 7 + level[1] * 3 + level[4]) & 0xFFFFFFFF
    print("int4 blocks", n, "zero levels", zeros, "energy", energy, "folded %08x" % folded)


def main():
    run_cipher(4000)
    run_hash(40000)
    run_dct(48, 32)
    run_int4(8000)
    run_matrices(12000)


main()
