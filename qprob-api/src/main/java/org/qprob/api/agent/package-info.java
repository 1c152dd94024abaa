/** The narrow agent contract (act, observe, update, checkpoint), the transitions it learns from, and the optional value-prediction capability analyses read. */
package org.qprob.api.agent;
