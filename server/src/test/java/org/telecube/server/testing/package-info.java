/** Test fixtures shared by the server's tests, such as a throwaway PostgreSQL server and a real browser. */
package org.telecube.server.testing;
