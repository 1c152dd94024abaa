/** Replays traces recorded from Gymnasium and MinAtar against qprob's environments and reports every difference. */
package org.qprob.envs.verify;
