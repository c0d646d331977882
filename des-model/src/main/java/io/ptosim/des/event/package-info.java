/**
 * The event vocabulary of a run: one sealed type whose records are the runtime's observable
 * transitions (submit, publish, ready, dispatch, block done, complete, fanout release, consumed,
 * ring advance, allocator stall and resume, scope begin and end, stall verdict, abort), each with
 * its timestamp and the fields the device prints.
 */
package io.ptosim.des.event;
