/**
 * JavaScript and TypeScript: the npm packages that {@code import}, {@code export ... from}, {@code require()} and
 * dynamic {@code import()} name.
 */
package dev.depscan.imports.javascript;
