/** The narrow agent contract (act, observe, update, checkpoint) and the transitions it learns from. */
package org.qprob.api.agent;
