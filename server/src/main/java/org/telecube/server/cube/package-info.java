/**
 * The cube API: the model, members for drill-down, queries and export, each through the engine
 * scoped to the caller's region ({@code ScopedServices}). Queries and exports run
 * on the bounded query pool ({@code org.telecube.server.load}), are cancelled by the id their
 * client sent, by their timeout or by the client closing its connection, and say in
 * {@code X-TeleCube-Cache} whether the result cache answered.
 */
package org.telecube.server.cube;
