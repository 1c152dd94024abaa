/** An environment plugin written against qprob-api alone: the Corridor, found by id through ServiceLoader. */
package org.qprob.example;
