/** Gymnasium's toy-text environments (FrozenLake, CliffWalking, Taxi): tabular transition models sampled from the environment's own generator. */
package org.qprob.envs.toytext;
