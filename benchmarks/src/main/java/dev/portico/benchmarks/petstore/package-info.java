/** The petstore domain every benchmark variant serves. */
package dev.portico.benchmarks.petstore;
