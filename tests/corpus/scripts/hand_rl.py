"""Hand-written reinforcement-learning loops on gymnasium's built-in environments, numpy agents.

Two common shapes of an RL script's console output, printed with plain print() the way people
write them (tutorials, course notebooks), while the script keeps exactly what it printed
(full-precision values, the episode number as the step) as the ground truth:

- qlearning: tabular Q-learning with epsilon-greedy on Taxi-v3; every 50 episodes
  'Episode 50 | reward: -659.0 | length: 200 | avg reward: -722.60 | epsilon: 0.778' (avg reward:
  the mean of the last 100 episodes), then the classic greedy evaluation summary ('Results after 100
  episodes:' / 'Average timesteps per episode: 44.79' / 'Average penalties per episode: 0.0').
- reinforce: REINFORCE with a linear softmax policy on CartPole-v1 wrapped in
  gymnasium.wrappers.RecordEpisodeStatistics; every 10 episodes the wrapper's episode return and
  length ('episode 10: return=23.0, length=23'), every 50 episodes a greedy evaluation on a separate
  env ('eval: mean_return=187.40 std_return=12.31 (10 episodes)').

Versions: gymnasium 1.0.0, numpy 2.4.6, Python 3.11 (no RL library). Seeds fixed; a few seconds of CPU.
Capture (repository root, venv with gymnasium active), one entry per style:
    python tests/corpus/scripts/capture.py pipe real_hand_rl_qlearning_taxi -- python tests/corpus/scripts/hand_rl.py qlearning
    python tests/corpus/scripts/capture.py pipe real_hand_rl_reinforce_eval -- python tests/corpus/scripts/hand_rl.py reinforce
"""

import os
import sys

import gymnasium as gym
import numpy as np

sys.path.insert(0, os.path.dirname(__file__))

import _truth
from _toy import Record

style = sys.argv[1]
SEED = 42
rec = Record()


def qlearning() -> str:
    env = gym.make("Taxi-v3")
    n_states, n_actions = env.observation_space.n, env.action_space.n
    alpha, gamma = 0.1, 0.99
    epsilon, eps_decay, eps_min = 1.0, 0.995, 0.05
    episodes = 2000
    rng = np.random.default_rng(SEED)
    q = np.zeros((n_states, n_actions))
    print(f"Environment: Taxi-v3 | states: {n_states} | actions: {n_actions}")
    print(
        f"Hyperparameters: alpha={alpha}, gamma={gamma}, epsilon_decay={eps_decay}, min_epsilon={eps_min}"
    )
    print(f"Training for {episodes} episodes...")
    rewards = []
    state, _ = env.reset(seed=SEED)
    for episode in range(1, episodes + 1):
        if episode > 1:
            state, _ = env.reset()
        total, steps, done = 0.0, 0, False
        while not done:
            if rng.random() < epsilon:
                action = int(rng.integers(n_actions))
            else:
                action = int(np.argmax(q[state]))
            nxt, reward, terminated, truncated, _ = env.step(action)
            target = reward + gamma * np.max(q[nxt]) * (not terminated)
            q[state, action] += alpha * (target - q[state, action])
            state, total, steps = nxt, total + reward, steps + 1
            done = terminated or truncated
        rewards.append(total)
        epsilon = max(eps_min, epsilon * eps_decay)
        if episode % 50 == 0:
            avg = np.mean(rewards[-100:])
            print(
                f"Episode {episode} | reward: {rec('reward', episode, None, total):.1f} | "
                f"length: {rec('length', episode, None, steps)} | "
                f"avg reward: {rec('avg reward', episode, None, avg):.2f} | "
                f"epsilon: {rec('epsilon', episode, None, epsilon):.3f}"
            )
    print("Training finished.\n")
    np.save("/tmp/q_table_taxi.npy", q)
    print("Q-table saved to q_table_taxi.npy")

    # the greedy evaluation summary of the well-known Taxi tutorial
    n_eval, total_steps, total_penalties = 100, 0, 0
    for _ in range(n_eval):
        state, _ = env.reset()
        done = False
        while not done:
            state, reward, terminated, truncated, _ = env.step(int(np.argmax(q[state])))
            total_penalties += reward == -10
            total_steps += 1
            done = terminated or truncated
    print(f"Results after {n_eval} episodes:")
    print(
        "Average timesteps per episode: "
        f"{rec('Average timesteps per episode', episodes, None, total_steps / n_eval)}"
    )
    print(
        "Average penalties per episode: "
        f"{rec('Average penalties per episode', episodes, None, total_penalties / n_eval)}"
    )
    return (
        "Tabular Q-learning on Taxi-v3 (epsilon-greedy, epsilon decayed per episode). Every 50 episodes "
        "'Episode 50 | reward: -659.0 | length: 200 | avg reward: -722.60 | epsilon: 0.778': the episode "
        "number is the step (the script's episode counter, 1-based; no epoch); reward and length are that "
        "episode's return and number of steps, avg reward the mean return of the last 100 episodes, epsilon "
        "the exploration rate after that episode's decay. After training, the greedy policy is run for 100 "
        "episodes: 'Results after 100 episodes:' (the 100 is a count, NOT a step or a metric) then "
        "'Average timesteps per episode: 44.79' and 'Average penalties per episode: 0.0' (one point each, "
        "step = 2000, the last training episode: the evaluation comes after it). Noise lines that are NOT "
        "metrics: 'Environment: Taxi-v3 | states: 500 | actions: 6', 'Hyperparameters: alpha=0.1, "
        "gamma=0.99, epsilon_decay=0.995, min_epsilon=0.05' (configuration), 'Training for 2000 "
        "episodes...', 'Training finished.', 'Q-table saved to q_table_taxi.npy'."
    )


def reinforce() -> str:
    env = gym.wrappers.RecordEpisodeStatistics(gym.make("CartPole-v1"))
    eval_env = gym.make("CartPole-v1")
    n_obs, n_actions = env.observation_space.shape[0], env.action_space.n
    lr, gamma, episodes = 0.01, 0.99, 300
    rng = np.random.default_rng(SEED)
    theta = np.zeros((n_obs, n_actions))

    def probs(obs: np.ndarray) -> np.ndarray:
        z = obs @ theta
        e = np.exp(z - z.max())
        return e / e.sum()

    def evaluate(n: int, seed: int) -> list[float]:
        out = []
        for i in range(n):
            obs, _ = eval_env.reset(seed=seed + i)
            total, done = 0.0, False
            while not done:
                obs, reward, terminated, truncated, _ = eval_env.step(int(np.argmax(obs @ theta)))
                total += reward
                done = terminated or truncated
            out.append(total)
        return out

    print("Observation space:", env.observation_space)
    print("Action space:", env.action_space)
    print(f"REINFORCE, linear softmax policy ({theta.size} parameters), lr={lr}, gamma={gamma}")
    best = -np.inf
    obs, _ = env.reset(seed=SEED)
    for episode in range(1, episodes + 1):
        if episode > 1:
            obs, _ = env.reset()
        grads, rewards, done = [], [], False
        while not done:
            p = probs(obs)
            action = int(rng.choice(n_actions, p=p))
            grads.append(np.outer(obs, np.eye(n_actions)[action] - p))
            obs, reward, terminated, truncated, info = env.step(action)
            rewards.append(reward)
            done = terminated or truncated
        returns = np.zeros(len(rewards))
        g = 0.0
        for t in reversed(range(len(rewards))):
            g = rewards[t] + gamma * g
            returns[t] = g
        returns = (returns - returns.mean()) / (returns.std() + 1e-8)
        for grad, ret in zip(grads, returns, strict=True):
            theta += lr * ret * grad
        if episode % 10 == 0:
            ep_return, ep_length = info["episode"]["r"], info["episode"]["l"]
            rec("return", episode, None, ep_return)
            rec("length", episode, None, ep_length)
            print(f"episode {episode}: return={ep_return}, length={ep_length}")
        if episode % 50 == 0:
            scores = evaluate(10, seed=1000)
            mean, std = float(np.mean(scores)), float(np.std(scores))
            print(
                f"eval: mean_return={rec('eval mean_return', episode, None, mean):.2f} "
                f"std_return={rec('eval std_return', episode, None, std):.2f} ({len(scores)} episodes)"
            )
            if mean > best:
                best = mean
                np.save("/tmp/reinforce_cartpole.npy", theta)
                print(f"New best policy saved to reinforce_cartpole.npy (ep {episode})")
    env.close()
    print("Done.")
    return (
        "REINFORCE (linear softmax policy, numpy) on CartPole-v1 wrapped in "
        "gymnasium.wrappers.RecordEpisodeStatistics. Every 10 episodes 'episode 10: return=23.0, "
        "length=23': the wrapper's info['episode']['r'] and ['l'] for the episode that just ended, printed "
        "as Python formats them (no rounding: the record is the printed value). On CartPole the return "
        "equals the length (+1 per step), so the two series hold the same numbers: a reader must keep them "
        "apart by name. The step is the episode number (the script's counter, 1-based; no epoch). Every 50 "
        "episodes a greedy evaluation on a separate env: 'eval: mean_return=187.40 std_return=12.31 (10 "
        "episodes)', printed right after that episode's line: its step is that episode's (the 10 is a count of "
        "evaluation episodes, NOT a step or a metric). The truth names join the line's label and the "
        "printed name ('eval mean_return', 'eval std_return'), as real_hand_train_val_labels does for "
        "'  val:   loss: ...'; the 'eval' qualifier keeps them apart from the training return. Noise lines that are NOT metrics: 'Observation space: "
        "Box([-4.8 -inf -0.41887903 -inf], [4.8 inf 0.41887903 inf], (4,), float32)', 'Action space: "
        "Discrete(2)', 'REINFORCE, linear softmax policy (8 parameters), lr=0.01, gamma=0.99' "
        "(configuration), 'New best policy saved to reinforce_cartpole.npy (ep 100)', 'Done.'."
    )


notes = {"qlearning": qlearning, "reinforce": reinforce}[style]()
_truth.write(
    library="hand-written loop (print), gymnasium 1.0.0, numpy 2.4.6 agent",
    script="tests/corpus/scripts/hand_rl.py",
    record="the values the script printed, kept by the script itself at full precision "
    + (
        "(RecordEpisodeStatistics' info['episode'] and the script's evaluation results)"
        if style == "reinforce"
        else "(the script's own episode returns, lengths, epsilon and evaluation counts)"
    ),
    step_kind="global",
    series=rec.series,
    extra_ok=[],
    notes=notes,
)
