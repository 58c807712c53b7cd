/**
 * Terraform: which infrastructure providers a repository provisions, read from HCL as text.
 */
package dev.depscan.manifest.terraform;
