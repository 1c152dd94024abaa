/**
 * DL4J multilayer perceptrons (optionally with a convolutional first layer over grid observations) trained by external
 * errors, their plain-Java copies for acting, and output heads.
 */
package org.qprob.agents.network;
