/** Loading feeds through the running server (which holds the warehouse file). */
package org.telecube.server.etl;
