/**
 * Classification of findings into the organisation's categories (Machine Learning, Database, ...) with an
 * allowed/restricted verdict, from a category file in the previous service's YAML format.
 */
package dev.depscan.classify;
