/** The in-JVM half of the cold-start harness: one handler, one event, one response. */
package dev.portico.benchmarks.coldstart.harness;
