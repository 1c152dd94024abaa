/** Typed, validated agent configuration records, one per concern, that the YAML {@code agent:} section maps onto. */
package org.qprob.agents.config;
