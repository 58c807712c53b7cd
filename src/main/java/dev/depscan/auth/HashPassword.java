package dev.depscan.auth;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Prints the hashed form of a password for {@code depscan.auth.users}, so the Secret need not hold it in clear:
 * {@code java -cp target/depscan.jar dev.depscan.auth.HashPassword [iterations]}, then type the password (read from
 * the console without echo, or from standard input; never from the command line, where other users could see it).
 */
public final class HashPassword {

    private HashPassword() {
    }

    public static void main(String[] args) throws IOException {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Console console = System.console();
        String password;
        if (console != null) {
            char[] typed = console.readPassword("password: ");
            password = typed == null ? "" : new String(typed);
        } else {
            password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        if (password == null || password.isEmpty()) {
            System.err.println("no password given");
            System.exit(2);
        }
        System.out.println(Credentials.PasswordHash.of(password, iterations).format());
    }
}
