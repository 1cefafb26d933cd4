"""TF-Agents' DQN tutorial (docs/tutorials/1_dqn_tutorial.ipynb, its TFUniformReplayBuffer version) as a script.

The notebook's code cells run in order as a plain script (what a user's export of it runs): only
its print() calls show, the cells' bare expressions (rendered images, specs shown by the notebook's
display) print nothing; the virtual display, rendering and the closing plot/video cells are left
out. Made small: 1000 iterations, log every 100 steps, evaluation (10 episodes) every 250 steps;
the rest is the tutorial's (QNetwork (100, 50), Adam 1e-3, batch 64, 100 random initial steps),
but for the train step counter, an int64 Variable (the tutorial's int32 tf.Variable(0) fails in
DqnAgent's tf.summary.scalar call with TensorFlow 2.21 and TensorBoard installed).
CartPole-v0 comes from gym 0.23.1, which tf-agents installs; nothing is downloaded.

What the console shows: the tutorial's spec prints ('Observation Spec:' then
'BoundedArraySpec(shape=(4,), dtype=dtype('float32'), name='observation', minimum=[-4.8000002e+00
-3.4028235e+38 …], maximum=[…])', 'Reward Spec:', 'Action Spec:', 'Time step:' / 'Next time
step:' with a TimeStep of arrays: step_type, reward, discount and the observation), the iterator's
repr, then 'step = 100: loss = 26.40…' and 'step = 250: Average Return = 9.3'; TensorFlow's and
gym's start-up notices and deprecation warnings among them.

Truth: the tutorial's own record: `returns` (compute_avg_return's values it appends) and the
LossInfo.loss of each printed train step, at full precision.

Versions: tf-agents 0.19.0, tensorflow 2.21.0, tf-keras 2.21.0 (TF_USE_LEGACY_KERAS=1),
tensorflow-probability 0.25.0, gym 0.23.1, numpy 2.4.6, Python 3.11 (venv corpus-zAJ-2).
Capture (repository root, venv active):
    TF_USE_LEGACY_KERAS=1 python tests/corpus/scripts/capture.py pipe real_tf_agents_dqn_tutorial -- python tests/corpus/scripts/tf_agents_dqn_tutorial.py
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))
os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")

import _truth  # noqa: E402
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
from tf_agents.agents.dqn import dqn_agent  # noqa: E402
from tf_agents.environments import suite_gym, tf_py_environment  # noqa: E402
from tf_agents.networks import sequential  # noqa: E402
from tf_agents.policies import random_tf_policy  # noqa: E402
from tf_agents.replay_buffers import tf_uniform_replay_buffer  # noqa: E402
from tf_agents.specs import tensor_spec  # noqa: E402
from tf_agents.trajectories import trajectory  # noqa: E402
from tf_agents.utils import common  # noqa: E402

tf.random.set_seed(0)
np.random.seed(0)
series = _truth.Series()

num_iterations = 1000  # @param {type:"integer"}

initial_collect_steps = 100  # @param {type:"integer"}
collect_steps_per_iteration = 1  # @param {type:"integer"}
replay_buffer_max_length = 100000  # @param {type:"integer"}

batch_size = 64  # @param {type:"integer"}
learning_rate = 1e-3  # @param {type:"number"}
log_interval = 100  # @param {type:"integer"}

num_eval_episodes = 10  # @param {type:"integer"}
eval_interval = 250  # @param {type:"integer"}

env_name = "CartPole-v0"
env = suite_gym.load(env_name)
env.reset()

print("Observation Spec:")
print(env.time_step_spec().observation)
print("Reward Spec:")
print(env.time_step_spec().reward)
print("Action Spec:")
print(env.action_spec())

time_step = env.reset()
print("Time step:")
print(time_step)

action = np.array(1, dtype=np.int32)

next_time_step = env.step(action)
print("Next time step:")
print(next_time_step)

train_py_env = suite_gym.load(env_name)
eval_py_env = suite_gym.load(env_name)
train_env = tf_py_environment.TFPyEnvironment(train_py_env)
eval_env = tf_py_environment.TFPyEnvironment(eval_py_env)

fc_layer_params = (100, 50)
action_tensor_spec = tensor_spec.from_spec(env.action_spec())
num_actions = action_tensor_spec.maximum - action_tensor_spec.minimum + 1


def dense_layer(num_units):
    return tf.keras.layers.Dense(
        num_units,
        activation=tf.keras.activations.relu,
        kernel_initializer=tf.keras.initializers.VarianceScaling(
            scale=2.0, mode="fan_in", distribution="truncated_normal"
        ),
    )


dense_layers = [dense_layer(num_units) for num_units in fc_layer_params]
q_values_layer = tf.keras.layers.Dense(
    num_actions,
    activation=None,
    kernel_initializer=tf.keras.initializers.RandomUniform(minval=-0.03, maxval=0.03),
    bias_initializer=tf.keras.initializers.Constant(-0.2),
)
q_net = sequential.Sequential(dense_layers + [q_values_layer])

optimizer = tf.keras.optimizers.Adam(learning_rate=learning_rate)
train_step_counter = tf.Variable(
    0, dtype=tf.int64
)  # the tutorial's int32 Variable fails in tf.summary with TF 2.21
agent = dqn_agent.DqnAgent(
    train_env.time_step_spec(),
    train_env.action_spec(),
    q_network=q_net,
    optimizer=optimizer,
    td_errors_loss_fn=common.element_wise_squared_loss,
    train_step_counter=train_step_counter,
)
agent.initialize()

eval_policy = agent.policy
collect_policy = agent.collect_policy
random_policy = random_tf_policy.RandomTFPolicy(train_env.time_step_spec(), train_env.action_spec())


def compute_avg_return(environment, policy, num_episodes=10):
    total_return = 0.0
    for _ in range(num_episodes):
        time_step = environment.reset()
        episode_return = 0.0
        while not time_step.is_last():
            action_step = policy.action(time_step)
            time_step = environment.step(action_step.action)
            episode_return += time_step.reward
        total_return += episode_return
    avg_return = total_return / num_episodes
    return avg_return.numpy()[0]


compute_avg_return(eval_env, random_policy, num_eval_episodes)

replay_buffer = tf_uniform_replay_buffer.TFUniformReplayBuffer(
    data_spec=agent.collect_data_spec,
    batch_size=train_env.batch_size,
    max_length=replay_buffer_max_length,
)


def collect_step(environment, policy, buffer):
    time_step = environment.current_time_step()
    action_step = policy.action(time_step)
    next_time_step = environment.step(action_step.action)
    traj = trajectory.from_transition(time_step, action_step, next_time_step)
    buffer.add_batch(traj)


def collect_data(env, policy, buffer, steps):
    for _ in range(steps):
        collect_step(env, policy, buffer)


collect_data(train_env, random_policy, replay_buffer, initial_collect_steps)

dataset = replay_buffer.as_dataset(
    num_parallel_calls=3, sample_batch_size=batch_size, num_steps=2
).prefetch(3)
iterator = iter(dataset)
print(iterator)

agent.train = common.function(agent.train)
agent.train_step_counter.assign(0)

avg_return = compute_avg_return(eval_env, agent.policy, num_eval_episodes)
returns = [avg_return]

for _ in range(num_iterations):
    collect_data(train_env, agent.collect_policy, replay_buffer, collect_steps_per_iteration)
    experience, unused_info = next(iterator)
    train_loss = agent.train(experience).loss
    step = agent.train_step_counter.numpy()

    if step % log_interval == 0:
        print("step = {0}: loss = {1}".format(step, train_loss))
        series.add("loss", int(step), None, float(train_loss.numpy()))

    if step % eval_interval == 0:
        avg_return = compute_avg_return(eval_env, agent.policy, num_eval_episodes)
        print("step = {0}: Average Return = {1}".format(step, avg_return))
        returns.append(avg_return)
        series.add("Average Return", int(step), None, float(returns[-1]))

_truth.write(
    library=(
        f"tf-agents {metadata.version('tf-agents')} (tensorflow {tf.__version__}, tf-keras "
        f"{metadata.version('tf-keras')}, gym {metadata.version('gym')}, numpy {np.__version__})"
    ),
    script="tests/corpus/scripts/tf_agents_dqn_tutorial.py",
    record="the tutorial's `returns` list (compute_avg_return values) and agent.train(experience).loss at each print",
    step_kind="global",
    series=series,
    extra_ok=[],
    not_printed=["the return before training (returns[0]: computed, not printed)"],
    notes=(
        "The tutorial's spec prints: 'Observation Spec:' then a BoundedArraySpec repr with shape=(4,), "
        "float32 bounds arrays in scientific notation (minimum=[-4.8000002e+00 -3.4028235e+38 …]); 'Reward "
        "Spec:' ArraySpec(shape=(), …); 'Action Spec:' BoundedArraySpec(shape=(), dtype=dtype('int64'), "
        "name='action', minimum=0, maximum=1); 'Time step:' / 'Next time step:' a multi-line TimeStep "
        "repr ({'step_type': array(0, dtype=int32), 'reward': array(0., dtype=float32), 'discount': "
        "array(1., …), 'observation': array([…], dtype=float32)}): environment specs and states, not "
        "metrics. Then the dataset iterator's repr, and the training loop's prints 'step = 200: loss = "
        "26.40…' (step = the agent's train step counter; the loss a float32 printed in full) and every 250 "
        "steps 'step = 250: Average Return = 9.3' (mean return over 10 evaluation episodes). TensorFlow's "
        "start-up notices, gym's 'unmaintained' notice and tf-agents deprecation warnings come among them."
    ),
)
