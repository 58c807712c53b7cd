/**
 * The plugin contract of the scanner: manifest parsers and import analyzers. A plugin looks at paths cheaply, reads
 * only its input, returns immutable records and never throws for bad content.
 */
package dev.depscan.scan.spi;
