/**
 * Plugins written against qprob-api alone, found through ServiceLoader: an environment (the Corridor, by id) and a
 * loss with an output shape of its own (a Gaussian return per action, {@code gaussian-nll}, by name).
 */
package org.qprob.example;
