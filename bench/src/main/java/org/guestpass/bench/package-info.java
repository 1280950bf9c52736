/**
 * The benchmark driver: runs the packaged GuestPass under load and reports every figure
 * as a ratio to the same machine's limit for the same work (bench/README.md).
 */
package org.guestpass.bench;
