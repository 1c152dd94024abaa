/** DL4J multilayer perceptrons trained by external errors, their plain-Java copies for acting, and output heads. */
package org.qprob.agents.network;
