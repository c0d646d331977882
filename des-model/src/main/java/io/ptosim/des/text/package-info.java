/** Text shared by the readers' error messages. */
package io.ptosim.des.text;
