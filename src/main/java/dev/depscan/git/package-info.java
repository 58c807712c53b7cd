/**
 * Getting a repository to scan: the URL policy that decides which Git URLs may be fetched, the shallow JGit fetch into
 * a cache of bare repositories, and a {@link dev.depscan.scan.FileSource} over a commit's tree read straight from the
 * object database. JGit's checked exceptions stay inside this package; callers see {@link
 * dev.depscan.git.UrlRejectedException} and {@link dev.depscan.git.FetchException} with stable reasons.
 */
package dev.depscan.git;
