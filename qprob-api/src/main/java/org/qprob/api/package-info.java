/** The contracts every qprob module and plugin implements, and the typed options they are configured with. */
package org.qprob.api;
