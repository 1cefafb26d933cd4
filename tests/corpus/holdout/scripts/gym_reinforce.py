"""A CleanRL-style hand-written RL loop on gymnasium's CartPole-v1 (built in, nothing
downloaded): a numpy linear-softmax policy trained with REINFORCE, episode statistics from
gymnasium's RecordEpisodeStatistics wrapper, printed the CleanRL way
('global_step=245, episodic_return=[23.], episodic_length=[23]' - numpy arrays as printed by
f-strings) plus a summary line every 10 episodes.

Truth: info['episode'] (RecordEpisodeStatistics' own record: r, l) per finished episode and the
script's running mean, kept by the script.
Versions: gymnasium 1.0.0, numpy 2.4.6, Python 3.11.
Capture (repository root, venv active):
    MLOP_CORPUS=tests/corpus/holdout python tests/corpus/scripts/capture.py pipe real_gym_cleanrl_style -- python tests/corpus/holdout/scripts/gym_reinforce.py
"""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import gymnasium as gym
import numpy as np

rng = np.random.default_rng(0)
envs = gym.vector.SyncVectorEnv(
    [lambda: gym.wrappers.RecordEpisodeStatistics(gym.make("CartPole-v1"))]
)
W = np.zeros((4, 2))
lr, gamma = 0.01, 0.99
ser = _truth.Series()
obs, _ = envs.reset(seed=0)
global_step = 0
episode = 0
returns = []
traj = []
while episode < 40:
    logits = obs[0] @ W
    p = np.exp(logits - logits.max())
    p /= p.sum()
    a = int(rng.choice(2, p=p))
    next_obs, reward, term, trunc, infos = envs.step(np.array([a]))
    global_step += 1
    traj.append((obs[0], a, p, float(reward[0])))
    obs = next_obs
    if "final_info" in infos or "episode" in infos:
        info = infos.get("final_info", infos)
        if "episode" in info and info["_episode"][0]:
            r = info["episode"]["r"]
            length = info["episode"]["l"]
            print(f"global_step={global_step}, episodic_return={r}, episodic_length={length}")
            ser.add("episodic_return", global_step, None, float(r[0]))
            ser.add("episodic_length", global_step, None, float(length[0]))
            episode += 1
            returns.append(float(r[0]))
            # REINFORCE update on the finished episode
            g = 0.0
            for s, act, prob, rew in reversed(traj):
                g = rew + gamma * g
                grad = -np.outer(s, prob)
                grad[:, act] += s
                W += lr * g * grad / 100
            traj = []
            if episode % 10 == 0:
                mean10 = float(np.mean(returns[-10:]))
                print(
                    f"episode {episode:3d} | mean return (last 10): {mean10:.2f} | steps {global_step}"
                )
                ser.add("mean return (last 10)", global_step, None, mean10)
envs.close()

_truth.write(
    library="gymnasium 1.0.0 (RecordEpisodeStatistics, SyncVectorEnv), numpy 2.4.6 policy",
    script="tests/corpus/holdout/scripts/gym_reinforce.py",
    record="info['episode'] r and l from gymnasium's RecordEpisodeStatistics per finished episode; the script's mean of the last 10 returns",
    step_kind="global",
    series=ser,
    extra_ok=[],
    notes=(
        "CleanRL's print: 'global_step=245, episodic_return=[23.], episodic_length=[23]' - the "
        "vector env's per-episode values are 1-element numpy arrays, printed with brackets and "
        "numpy's float repr ('[23.]'). Step = global_step (env steps) as printed. Every 10 episodes: "
        "'episode  10 | mean return (last 10): 21.40 | steps 214' (the episode number and the step "
        "count are counters, not metrics; the mean is a series at that global step)."
    ),
)
