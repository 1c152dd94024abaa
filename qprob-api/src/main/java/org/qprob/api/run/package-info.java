/** What a training run publishes as it goes, and the observers that subscribe to it from the runner or a plugin. */
package org.qprob.api.run;
