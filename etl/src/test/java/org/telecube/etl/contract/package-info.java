/**
 * The backend contract suite: {@link org.telecube.etl.contract.BackendContractTest} loads one
 * generated operator into a backend and checks its answers against hand-written SQL over the raw
 * feed files; each backend runs it through a subclass ({@code DuckDbContractTest} here; a backend
 * in another module extends it from there). Capabilities a backend does not declare must be
 * refused, never answered differently.
 */
package org.telecube.etl.contract;
