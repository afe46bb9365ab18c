# Float arithmetic: an n-body simulation (leapfrog-free simple Euler-Cromer steps) of a
# small made-up planetary system. Bodies are lists [x, y, z, vx, vy, vz, mass].


def make_system():
    bodies = [[0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 40.0]]
    for k in range(1, 6):
        r = 1.5 * k
        speed = (40.0 / r) ** 0.5
        mass = 0.001 * (7 - k)
        if k % 2:
            bodies.append([r, 0.0, 0.05 * k, 0.0, speed, 0.0, mass])
        else:
            bodies.append([0.0, -r, -0.03 * k, speed, 0.0, 0.01, mass])
    # Cancel the total momentum so the centre of mass stays put.
    px = py = pz = 0.0
    for b in bodies:
        px += b[3] * b[6]
        py += b[4] * b[6]
        pz += b[5] * b[6]
    sun = bodies[0]
    sun[3] = -px / sun[6]
    sun[4] = -py / sun[6]
    sun[5] = -pz / sun[6]
    return bodies


def energy(bodies):
    e = 0.0
    n = len(bodies)
    for i in range(n):
        x1, y1, z1, vx, vy, vz, m1 = bodies[i]
        e += 0.5 * m1 * (vx * vx + vy * vy + vz * vz)
        for j in range(i + 1, n):
            x2, y2, z2 = bodies[j][0], bodies[j][1], bodies[j][2]
            m2 = bodies[j][6]
            dx = x1 - x2
            dy = y1 - y2
            dz = z1 - z2
            e -= m1 * m2 / (dx * dx + dy * dy + dz * dz) ** 0.5
    return e


def advance(bodies, dt, steps):
    pairs = []
    n = len(bodies)
    for i in range(n):
        for j in range(i + 1, n):
            pairs.append((bodies[i], bodies[j]))
    for _ in range(steps):
        for b1, b2 in pairs:
            dx = b1[0] - b2[0]
            dy = b1[1] - b2[1]
            dz = b1[2] - b2[2]
            d2 = dx * dx + dy * dy + dz * dz
            mag = dt / (d2 * d2 ** 0.5)
            m1 = b1[6] * mag
            m2 = b2[6] * mag
            b1[3] -= dx * m2
            b1[4] -= dy * m2
            b1[5] -= dz * m2
            b2[3] += dx * m1
            b2[4] += dy * m1
            b2[5] += dz * m1
        for b in bodies:
            b[0] += dt * b[3]
            b[1] += dt * b[4]
            b[2] += dt * b[5]


def main():
    bodies = make_system()
    e0 = energy(bodies)
    advance(bodies, 0.001, 190000)
    e1 = energy(bodies)
    return e0, e1


e0, e1 = main()
# Exact IEEE results from CPython 3.11; allow only rounding noise.
assert abs(e0 - (-0.1463122175956821)) < 1e-12, repr(e0)
assert abs(e1 - (-0.1463122592222502)) < 1e-12, repr(e1)
print("nbody", repr(e0), repr(e1))
