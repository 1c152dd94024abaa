/** Gymnasium's classic-control environments (CartPole, Acrobot, MountainCar), ported operation for operation. */
package org.qprob.envs.classic;
