/**
 * The command line ({@code nightpain-cds-cli.jar}): {@code assess}, {@code rules}, {@code version} and
 * {@code serve}. Results go to standard output, logs and progress to standard error.
 */
package org.nightpain.cds.cli;
