/** Replays traces recorded from Gymnasium against qprob's environments and reports every difference. */
package org.qprob.envs.verify;
