/** The experiment config: typed records with a documented default for every field, read from YAML, merged and validated. */
package org.qprob.experiments.config;
