"""Records Acrobot-v1 with Gymnasium 1.4.0 under the NumPy this Python has, in the format of shared/golden.

NumPy 1.25 and later compute float64 sin/cos with the C library; NumPy 1.22-1.24 used Intel SVML on AVX-512 CPUs,
which is how shared/golden/Acrobot-v1.jsonl was recorded. The two differ in the last bit of many sin/cos results,
which Acrobot's chaotic dynamics make visible in a few episodes: of seeds 0-9, only 2 and 4 differ from the golden
trace, so only they are kept. "options" holds the qprob option that replays the file (sin_cos: correctly-rounded);
Gymnasium itself was made with none. Recorded with NumPy 2.4.6 and glibc 2.36 on x86-64 (AVX-512), Gymnasium's
source at commit 3f0476a8 on PYTHONPATH:

    PYTHONPATH=/path/to/Gymnasium python3 record_numpy2_trace.py 2 4 > Acrobot-v1-numpy2.jsonl
"""
import json
import sys

import gymnasium as gym
import numpy as np

MASK = (1 << 64) - 1


def actions(seed, n):
    x = seed & MASK
    while True:
        x = (x * 6364136223846793005 + 1442695040888963407) & MASK
        yield (x >> 33) % n


def record(seed):
    env = gym.make("Acrobot-v1")
    obs, _ = env.reset(seed=seed)
    state = [float(v) for v in env.unwrapped.state]
    steps = []
    for a in actions(seed, 3):
        o, r, te, tr, _ = env.step(int(a))
        steps.append({"action": int(a), "obs": [float(v) for v in o], "reward": float(r),
                      "terminated": bool(te), "truncated": bool(tr)})
        if te or tr or len(steps) == 600:
            break
    return {"env": "Acrobot-v1", "options": {"sin_cos": "correctly-rounded"}, "seed": seed, "numpy": np.__version__,
            "gymnasium": gym.__version__, "initial_obs": [float(v) for v in obs], "initial_state": state,
            "steps": steps}


for seed in [int(s) for s in sys.argv[1:]]:
    print(json.dumps(record(seed)))
