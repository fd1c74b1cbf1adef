/**
 * The vocabulary the rule files are written in, and the registers they rest on: derived facts, raised
 * findings, the threshold register and the parsed metadata of every rule. The rules themselves are the
 * DRL files and registers under {@code org/nightpain/cds/rules/} on the class path, which the build
 * precompiles into the package {@code org.nightpain.cds.rules}.
 *
 * <p>Not part of the API. The types that are public are so only because the generated rule model, the
 * engine or an adapter of this library calls them; each says which.
 */
package org.nightpain.cds.knowledge;
