/** The cold-start driver: fresh JVMs, statistics, tables. */
package dev.portico.benchmarks.coldstart;
