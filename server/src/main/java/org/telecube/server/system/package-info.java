/** Cross-cutting configuration: the warehouse and engine beans, API error mapping. */
package org.telecube.server.system;
