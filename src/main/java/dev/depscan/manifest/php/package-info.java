/**
 * PHP: Composer's {@code composer.json} and {@code composer.lock}.
 */
package dev.depscan.manifest.php;
