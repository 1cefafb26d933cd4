"""Hand-written RL training loops printed the way well-known tutorials print them (torch agents).

Environments are CartPole (CartPole-v0's 200-step cap and 195 threshold) and MountainCar written
in numpy in this file: no gym/gymnasium, nothing downloaded. Each style keeps exactly the values it
printed (full precision, its own episode counter as the step) as the ground truth.

- pytorch_reinforce: pytorch/examples reinforcement_learning/reinforce.py, every 10 episodes
  'Episode 10\\tLast reward: 19.00\\tAverage reward: 11.72' (the average an exponential running
  reward), and 'Solved! Running reward is now 195.3... and the last episode runs to 200 time
  steps!' if it gets there (capped at 1000 episodes here; the example loops forever).
- keon_dqn: keon/deep-q-learning's dqn.py, one line per finished episode (0-based)
  'episode: 12/80, score: 23, e: 0.53' (score = the last time index, epsilon at 2 significant
  digits with '{:.2}', so 'e: 1.0', 'e: 0.95', 'e: 0.1').
- udacity_dqn: the Udacity DRLND DQN notebook, '\\rEpisode 37\\tAverage Score: 21.35' redrawn
  with end='' every episode, a newline every 100 episodes.
- eps_pipes: a DQN on MountainCar printing 'Ep 10 | reward -200.0 | avg -200.0 | eps 0.90 | loss
  0.0123' every 5 episodes, then 'Greedy eval: mean reward -200.0 over 5 episodes'.

Versions: torch 2.13.0+cpu, numpy 2.4.6, Python 3.11 (venv corpus-zn-1). Seeds fixed; ~10-40 s
of CPU each.
Capture (repository root, venv active), one entry per style:
    python tests/corpus/scripts/capture.py pipe real_hand_rl_pytorch_reinforce -- python tests/corpus/scripts/hand_rl_tutorials.py pytorch_reinforce
    python tests/corpus/scripts/capture.py pipe real_hand_rl_keon_dqn -- python tests/corpus/scripts/hand_rl_tutorials.py keon_dqn
    python tests/corpus/scripts/capture.py pipe real_hand_rl_udacity_dqn -- python tests/corpus/scripts/hand_rl_tutorials.py udacity_dqn
    python tests/corpus/scripts/capture.py pty real_hand_rl_udacity_dqn_pty -- python tests/corpus/scripts/hand_rl_tutorials.py udacity_dqn
    python tests/corpus/scripts/capture.py pipe real_hand_rl_eps_pipes -- python tests/corpus/scripts/hand_rl_tutorials.py eps_pipes
"""

import math
import os
import random
import sys
from collections import deque, namedtuple

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.distributions import Categorical

sys.path.insert(0, os.path.dirname(__file__))

import _truth
from _toy import Record

style = sys.argv[1]
SEED = 543
torch.manual_seed(SEED)
torch.set_num_threads(1)
random.seed(SEED)
np.random.seed(SEED)
rec = Record()


class CartPole:
    """CartPole-v0: CartPole-v1's dynamics, episodes capped at 200 steps, solved at 195."""

    reward_threshold = 195.0
    n_obs, n_actions = 4, 2

    def __init__(self, seed):
        self.rng = np.random.RandomState(seed)

    def reset(self):
        self.state = self.rng.uniform(-0.05, 0.05, size=4)
        self.t = 0
        return self.state.astype(np.float32)

    def step(self, action):
        x, x_dot, th, th_dot = self.state
        force = 10.0 if action == 1 else -10.0
        cos, sin = math.cos(th), math.sin(th)
        temp = (force + 0.05 * th_dot**2 * sin) / 1.1
        th_acc = (9.8 * sin - cos * temp) / (0.5 * (4.0 / 3.0 - 0.1 * cos**2 / 1.1))
        x_acc = temp - 0.05 * th_acc * cos / 1.1
        x, x_dot = x + 0.02 * x_dot, x_dot + 0.02 * x_acc
        th, th_dot = th + 0.02 * th_dot, th_dot + 0.02 * th_acc
        self.state = np.array([x, x_dot, th, th_dot])
        self.t += 1
        done = bool(abs(x) > 2.4 or abs(th) > 12 * 2 * math.pi / 360) or self.t >= 200
        return self.state.astype(np.float32), 1.0, done, {}


class MountainCar:
    """MountainCar-v0's dynamics, -1 per step, episodes capped at 200 steps."""

    n_obs, n_actions = 2, 3

    def __init__(self, seed):
        self.rng = np.random.RandomState(seed)

    def reset(self):
        self.state = np.array([self.rng.uniform(-0.6, -0.4), 0.0])
        self.t = 0
        return self.state.astype(np.float32)

    def step(self, action):
        pos, vel = self.state
        vel = np.clip(vel + (action - 1) * 0.001 - 0.0025 * math.cos(3 * pos), -0.07, 0.07)
        pos = np.clip(pos + vel, -1.2, 0.6)
        if pos == -1.2 and vel < 0:
            vel = 0.0
        self.state = np.array([pos, vel])
        self.t += 1
        done = bool(pos >= 0.5) or self.t >= 200
        return self.state.astype(np.float32), -1.0, done, {}


def mlp(n_in, n_out, hidden=64):
    return nn.Sequential(
        nn.Linear(n_in, hidden),
        nn.ReLU(),
        nn.Linear(hidden, hidden),
        nn.ReLU(),
        nn.Linear(hidden, n_out),
    )


def pytorch_reinforce() -> str:
    env = CartPole(SEED)

    class Policy(nn.Module):
        def __init__(self):
            super().__init__()
            self.affine1 = nn.Linear(4, 128)
            self.dropout = nn.Dropout(p=0.6)
            self.affine2 = nn.Linear(128, 2)
            self.saved_log_probs = []
            self.rewards = []

        def forward(self, x):
            x = self.affine1(x)
            x = self.dropout(x)
            x = F.relu(x)
            action_scores = self.affine2(x)
            return F.softmax(action_scores, dim=1)

    policy = Policy()
    optimizer = optim.Adam(policy.parameters(), lr=1e-2)
    eps = np.finfo(np.float32).eps.item()
    gamma, log_interval = 0.99, 10

    def select_action(state):
        state = torch.from_numpy(state).float().unsqueeze(0)
        probs = policy(state)
        m = Categorical(probs)
        action = m.sample()
        policy.saved_log_probs.append(m.log_prob(action))
        return action.item()

    def finish_episode():
        R = 0
        policy_loss = []
        returns = deque()
        for r in policy.rewards[::-1]:
            R = r + gamma * R
            returns.appendleft(R)
        returns = torch.tensor(returns)
        returns = (returns - returns.mean()) / (returns.std() + eps)
        for log_prob, R in zip(policy.saved_log_probs, returns, strict=True):
            policy_loss.append(-log_prob * R)
        optimizer.zero_grad()
        policy_loss = torch.cat(policy_loss).sum()
        policy_loss.backward()
        optimizer.step()
        del policy.rewards[:]
        del policy.saved_log_probs[:]

    running_reward = 10
    for i_episode in range(1, 1001):
        state, ep_reward = env.reset(), 0
        for t in range(1, 10000):  # noqa: B007 (t is printed by 'Solved!')
            action = select_action(state)
            state, reward, done, _ = env.step(action)
            policy.rewards.append(reward)
            ep_reward += reward
            if done:
                break
        running_reward = 0.05 * ep_reward + (1 - 0.05) * running_reward
        finish_episode()
        if i_episode % log_interval == 0:
            print(
                "Episode {}\tLast reward: {:.2f}\tAverage reward: {:.2f}".format(
                    i_episode,
                    rec("Last reward", i_episode, None, ep_reward),
                    rec("Average reward", i_episode, None, running_reward),
                )
            )
        if running_reward > env.reward_threshold:
            print(
                "Solved! Running reward is now {} and the last episode runs to {} time steps!".format(
                    rec("Running reward", i_episode, None, running_reward), t
                )
            )
            break
    return (
        "pytorch/examples reinforcement_learning/reinforce.py's prints, unchanged: every 10 episodes "
        "'Episode 10\\tLast reward: 19.00\\tAverage reward: 11.72' (tab-separated; Last reward = that "
        "episode's return, Average reward = the exponential running reward 0.05*ep + 0.95*avg, "
        "starting at 10), and when the running reward passes the threshold (195 here, CartPole-v0's; "
        "the loop is capped at 1000 episodes) 'Solved! Running reward is now 195.2739... and the last "
        "episode runs to 200 time steps!' (the running reward unrounded, named 'Running reward' in the "
        "truth; the time steps are a count of steps, not a metric). The step is the episode number "
        "(1-based, the example's counter)."
    )


def keon_dqn() -> str:
    env = CartPole(SEED)
    EPISODES, batch_size = 80, 32
    gamma, epsilon, epsilon_min, epsilon_decay = 0.95, 1.0, 0.01, 0.995
    model = mlp(4, 2, 24)
    optimizer = optim.Adam(model.parameters(), lr=0.001)
    memory = deque(maxlen=2000)

    def act(state):
        if np.random.rand() <= epsilon:
            return random.randrange(2)
        with torch.no_grad():
            return int(model(torch.from_numpy(state)).argmax())

    def replay():
        nonlocal epsilon
        batch = random.sample(memory, batch_size)
        s = torch.tensor(np.array([b[0] for b in batch]))
        a = torch.tensor([b[1] for b in batch])
        r = torch.tensor([b[2] for b in batch], dtype=torch.float32)
        s2 = torch.tensor(np.array([b[3] for b in batch]))
        d = torch.tensor([b[4] for b in batch], dtype=torch.float32)
        with torch.no_grad():
            target = r + (1 - d) * gamma * model(s2).max(1).values
        q = model(s).gather(1, a.unsqueeze(1)).squeeze(1)
        loss = F.mse_loss(q, target)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if epsilon > epsilon_min:
            epsilon *= epsilon_decay

    for e in range(EPISODES):
        state = env.reset()
        for time in range(500):
            action = act(state)
            next_state, reward, done, _ = env.step(action)
            reward = reward if not done else -10
            memory.append((state, action, reward, next_state, done))
            state = next_state
            if done:
                print(
                    "episode: {}/{}, score: {}, e: {:.2}".format(
                        e, EPISODES, int(rec("score", e, None, time)), rec("e", e, None, epsilon)
                    )
                )
                break
            if len(memory) > batch_size:
                replay()
    return (
        "keon/deep-q-learning's dqn.py prints: one line per finished episode 'episode: 12/80, score: "
        "23, e: 0.53' - episode e/EPISODES (0-based episode counter, the step; 80 the number of "
        "episodes, a count), score = the time index at which the episode ended (the loop's 'time', "
        "one less than the steps survived), e = epsilon after the replays of that episode, printed "
        "with '{:.2}' (two significant digits: 'e: 1.0', 'e: 0.95', 'e: 0.1'; the truth holds the "
        "unrounded epsilon). The agent: a torch MLP trained by a batched replay of 32 samples after "
        "every step once the memory holds more than 32 (the original fits Keras sample by sample), "
        "epsilon *= 0.995 per replay."
    )


def udacity_dqn() -> str:
    env = CartPole(SEED)
    BUFFER_SIZE, BATCH_SIZE, GAMMA, TAU, LR, UPDATE_EVERY = int(1e5), 64, 0.99, 1e-2, 1e-3, 4
    qnetwork_local, qnetwork_target = mlp(4, 2), mlp(4, 2)
    qnetwork_target.load_state_dict(qnetwork_local.state_dict())
    optimizer = optim.Adam(qnetwork_local.parameters(), lr=LR)
    Experience = namedtuple("Experience", ["state", "action", "reward", "next_state", "done"])
    memory = deque(maxlen=BUFFER_SIZE)
    t_step = 0

    def agent_act(state, eps):
        if random.random() > eps:
            with torch.no_grad():
                return int(qnetwork_local(torch.from_numpy(state).unsqueeze(0)).argmax())
        return random.choice(range(2))

    def agent_step(state, action, reward, next_state, done):
        nonlocal t_step
        memory.append(Experience(state, action, reward, next_state, done))
        t_step = (t_step + 1) % UPDATE_EVERY
        if t_step == 0 and len(memory) > BATCH_SIZE:
            exp = random.sample(memory, k=BATCH_SIZE)
            s = torch.from_numpy(np.vstack([e.state for e in exp]))
            a = torch.tensor([[e.action] for e in exp])
            r = torch.tensor([[e.reward] for e in exp], dtype=torch.float32)
            s2 = torch.from_numpy(np.vstack([e.next_state for e in exp]))
            d = torch.tensor([[float(e.done)] for e in exp])
            q_next = qnetwork_target(s2).detach().max(1)[0].unsqueeze(1)
            q_targets = r + GAMMA * q_next * (1 - d)
            q_expected = qnetwork_local(s).gather(1, a)
            loss = F.mse_loss(q_expected, q_targets)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            for tp, lp in zip(
                qnetwork_target.parameters(), qnetwork_local.parameters(), strict=True
            ):
                tp.data.copy_(TAU * lp.data + (1.0 - TAU) * tp.data)

    def dqn(n_episodes=250, max_t=1000, eps_start=1.0, eps_end=0.01, eps_decay=0.98):
        scores = []
        scores_window = deque(maxlen=100)
        eps = eps_start
        for i_episode in range(1, n_episodes + 1):
            state = env.reset()
            score = 0
            for _t in range(max_t):
                action = agent_act(state, eps)
                next_state, reward, done, _ = env.step(action)
                agent_step(state, action, reward, next_state, done)
                state = next_state
                score += reward
                if done:
                    break
            scores_window.append(score)
            scores.append(score)
            eps = max(eps_end, eps_decay * eps)
            avg = rec("Average Score", i_episode, None, np.mean(scores_window))
            print("\rEpisode {}\tAverage Score: {:.2f}".format(i_episode, avg), end="")  # noqa: UP032
            if i_episode % 100 == 0:
                avg = rec("Average Score", i_episode, None, np.mean(scores_window))
                print("\rEpisode {}\tAverage Score: {:.2f}".format(i_episode, avg))  # noqa: UP032
            if np.mean(scores_window) >= 195.0:
                avg = rec("Average Score", i_episode, None, np.mean(scores_window))
                print(
                    "\nEnvironment solved in {:d} episodes!\tAverage Score: {:.2f}".format(  # noqa: UP032
                        i_episode - 100, avg
                    )
                )
                break
        return scores

    dqn()
    print()
    return (
        "The Udacity DRLND DQN notebook's dqn() loop (eps_decay 0.98, 250 episodes; its Agent: "
        "soft-updated target network, an update every 4 steps, batch 64): every episode "
        "print('\\rEpisode {}\\tAverage Score: {:.2f}', end='') - the mean score of the last 100 "
        "episodes, redrawn on one line with a carriage return and no newline, so the whole run is "
        "one or two physical lines of '\\r'-separated states; every 100 episodes the same text "
        "again with a newline (the loop printed it twice: two points, same step and value). The step "
        "is the episode number (1-based). 'Environment solved in N episodes!' prints once it reaches 195 "
        "(reached here: 'Environment solved in 124 episodes!\\tAverage Score: 195.04' on its own line after a blank one, N = episode - 100, a count; the same average at the same step printed a third time: one more point)."
    )


def eps_pipes() -> str:
    env = MountainCar(SEED)
    q, q_target = mlp(2, 3), mlp(2, 3)
    q_target.load_state_dict(q.state_dict())
    optimizer = optim.Adam(q.parameters(), lr=1e-3)
    buffer = deque(maxlen=20000)
    eps, eps_min, eps_decay, gamma, episodes = 1.0, 0.05, 0.98, 0.99, 40
    returns, losses, step = [], [], 0
    print("MountainCar | obs dim 2 | actions 3 | episodes 40 | gamma 0.99 | lr 1e-3")
    for ep in range(1, episodes + 1):
        s, total, done = env.reset(), 0.0, False
        while not done:
            if random.random() < eps:
                a = random.randrange(3)
            else:
                with torch.no_grad():
                    a = int(q(torch.from_numpy(s)).argmax())
            s2, r, done, _ = env.step(a)
            buffer.append((s, a, r, s2, float(done and env.t < 200)))
            s, total, step = s2, total + r, step + 1
            if len(buffer) >= 500 and step % 2 == 0:
                batch = random.sample(buffer, 64)
                bs = torch.tensor(np.array([b[0] for b in batch]))
                ba = torch.tensor([b[1] for b in batch])
                br = torch.tensor([b[2] for b in batch], dtype=torch.float32)
                bs2 = torch.tensor(np.array([b[3] for b in batch]))
                bd = torch.tensor([b[4] for b in batch], dtype=torch.float32)
                with torch.no_grad():
                    target = br + gamma * (1 - bd) * q_target(bs2).max(1).values
                loss = F.smooth_l1_loss(q(bs).gather(1, ba.unsqueeze(1)).squeeze(1), target)
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
                losses.append(loss.item())
            if step % 500 == 0:
                q_target.load_state_dict(q.state_dict())
        returns.append(total)
        eps = max(eps_min, eps * eps_decay)
        if ep % 5 == 0:
            avg = float(np.mean(returns[-20:]))
            mean_loss = float(np.mean(losses[-200:])) if losses else float("nan")
            print(
                f"Ep {ep} | reward {rec('reward', ep, None, total):.1f} | "
                f"avg {rec('avg', ep, None, avg):.1f} | eps {rec('eps', ep, None, eps):.2f} | "
                f"loss {rec('loss', ep, None, mean_loss):.4f}"
            )
    scores = []
    for _ in range(5):
        s, total, done = env.reset(), 0.0, False
        while not done:
            with torch.no_grad():
                s, r, done, _ = env.step(int(q(torch.from_numpy(s)).argmax()))
            total += r
        scores.append(total)
    mean = rec("Greedy eval: mean reward", episodes, None, float(np.mean(scores)))
    print(f"Greedy eval: mean reward {mean:.1f} over 5 episodes")
    return (
        "A DQN on MountainCar (-1 per step, 200-step cap: a return of -200.0 means the goal was not "
        "reached) printing every 5 episodes 'Ep 10 | reward -200.0 | avg -200.0 | eps 0.82 | loss "
        "0.0123' (name and value separated by a space, no colon; reward = that episode's return, avg "
        "= mean return of the last 20 episodes, eps = epsilon after the episode's decay, loss = mean "
        "smooth-L1 loss of the last 200 updates, 'nan' before the first update), then 'Greedy eval: "
        "mean reward -200.0 over 5 episodes' (step = the last episode; the 5 is a count). The "
        "step is the episode number (1-based). The opening line 'MountainCar | obs dim 2 | actions "
        "3 | episodes 40 | gamma 0.99 | lr 1e-3' is configuration, not metrics."
    )


notes = {
    "pytorch_reinforce": pytorch_reinforce,
    "keon_dqn": keon_dqn,
    "udacity_dqn": udacity_dqn,
    "eps_pipes": eps_pipes,
}[style]()
_truth.write(
    library=f"hand-written loop (torch {torch.__version__}, numpy {np.__version__})",
    script="tests/corpus/scripts/hand_rl_tutorials.py",
    record="the loop's own record of what it printed (full-precision values, episode number as step)",
    step_kind="global",
    series=rec.series,
    extra_ok=[],
    not_printed=[],
    notes=notes,
)
