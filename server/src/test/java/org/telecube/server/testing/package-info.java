/** Test fixtures shared by the server's tests, such as a throwaway PostgreSQL server. */
package org.telecube.server.testing;
