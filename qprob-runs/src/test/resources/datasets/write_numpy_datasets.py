"""Writes the two datasets DatasetFileTest reads, with NumPy alone (python3 write_numpy_datasets.py).

numpy-canonical.npz: qprob's layout as a Python researcher would write it with np.savez_compressed, the metadata a
NumPy string (json.dumps). numpy-d4rl.npz: D4RL's habits, uncompressed np.savez: float64 observations, int32
actions and float32 rewards of shape (n, 1), the flags named terminals (bool) and timeouts (0/1 uint8), the metadata
uint8 JSON bytes with a non-ASCII character. The values are small exact numbers, so the test can check every one.
"""
import json

import numpy as np

n = 5
obs = np.array([[0.5, -1.25, 2.0, 0.0],
                [1.5, 0.25, -2.0, 3.0],
                [0.125, 0.0, 1.0, -0.5],
                [4.0, -4.0, 0.75, 0.375],
                [2.5, 1.0, -1.5, 0.0625]], dtype=np.float32)
next_obs = obs[::-1].copy() + np.float32(0.5)
actions = np.array([0, 1, 1, 0, 1])
rewards = np.array([1.0, 0.5, -2.0, 0.0, 10.0])
terminations = np.array([False, False, True, False, False])
truncations = np.array([False, False, False, False, True])

meta = {"env_id": "CartPole-v1", "env_options": {}, "policy": "scripted", "policy_options": {"note": "numpy"},
        "seed": 42}
np.savez_compressed("numpy-canonical.npz", observations=obs, actions=actions, rewards=rewards,
                    terminations=terminations, truncations=truncations, next_observations=next_obs,
                    metadata=json.dumps(meta))

meta_d4rl = {"env_id": "CartPole-v1", "policy": "d4rl-style caf\u00e9"}
np.savez("numpy-d4rl.npz", observations=obs.astype(np.float64), actions=actions.astype(np.int32).reshape(n, 1),
         rewards=rewards.astype(np.float32).reshape(n, 1), terminals=terminations,
         timeouts=truncations.astype(np.uint8), next_observations=next_obs.astype(np.float64),
         metadata=np.frombuffer(json.dumps(meta_d4rl, ensure_ascii=False).encode("utf-8"), dtype=np.uint8),
         infos=np.arange(n))
print(np.__version__)
