/**
 * Go: the packages {@code .go} files import, mapped to the modules {@code go.mod} requires.
 */
package dev.depscan.imports.golang;
