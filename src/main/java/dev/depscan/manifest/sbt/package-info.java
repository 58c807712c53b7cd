/**
 * sbt: reads {@code build.sbt}, other {@code *.sbt} files and {@code project/*.scala} with a small Scala lexer,
 * resolving versions from {@code val}s of the build without running sbt.
 */
package dev.depscan.manifest.sbt;
