/**
 * Ruby: {@code Gemfile} (and {@code gems.rb}, {@code *.gemspec}) read statically, never evaluated, and
 * {@code Gemfile.lock}.
 */
package dev.depscan.manifest.ruby;
