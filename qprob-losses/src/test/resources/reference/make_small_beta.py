"""Writes gumbel-math-small-beta.json: the shared reference file's gumbel_kl, gumbel_target sections unchanged, and
gumbel_regression cases with small beta, where samples lie far (many max_clip * beta) below the minimiser.

The minimiser and the mean loss are computed in 50-digit arithmetic with mpmath, independently of qprob:
minimiser = beta * log(mean(exp(x_i / beta))); at a point h below it, mean_loss_at_h =
mean(exp((x_i - h)/beta) - (x_i - h)/beta - 1).

Run from this folder: python3 make_small_beta.py ../../../../../shared/reference/gumbel-math.json
"""
import json
import sys

import mpmath
import numpy as np

mpmath.mp.dps = 50


def case(rng, beta, n, spread):
    samples = [float(v) for v in rng.normal(0.0, spread, size=n)]
    xs = [mpmath.mpf(v) for v in samples]
    b = mpmath.mpf(beta)
    top = max(xs)
    minimiser = top + b * mpmath.log(mpmath.fsum(mpmath.exp((x - top) / b) for x in xs) / n)
    h = float(minimiser) - float(rng.uniform(0.0, 3.0 * beta))  # a point below the minimiser, as the shared file
    hh = mpmath.mpf(h)
    loss = mpmath.fsum(mpmath.exp((x - hh) / b) - (x - hh) / b - 1 for x in xs) / n
    return {"beta": beta, "samples": samples, "minimiser": float(minimiser), "h": h, "mean_loss_at_h": float(loss)}


def main():
    shared = json.load(open(sys.argv[1]))
    rng = np.random.RandomState(20261201)
    cases = [case(rng, beta, n, spread) for beta, n, spread in
             [(0.05, 16, 1.0), (0.1, 32, 2.0), (0.02, 8, 0.5), (0.2, 64, 3.0), (0.5, 20, 10.0), (1.0, 5, 0.3)]]
    out = {"about": "gumbel_kl and gumbel_target as in the shared gumbel-math.json; gumbel_regression with small beta "
                    "(samples far below the minimiser), by make_small_beta.py with mpmath",
           "gumbel_kl": shared["gumbel_kl"], "gumbel_target": shared["gumbel_target"],
           "gumbel_regression": cases}
    with open("gumbel-math-small-beta.json", "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
