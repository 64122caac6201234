package org.fundbook;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class FundbookApplication {

    public static void main(String[] args) {
        // Axon reads this as a JVM property, not a Spring one; the auto-configuration is excluded as well.
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        if (System.getProperty("disable-axoniq-console-message") == null) {
            System.setProperty("disable-axoniq-console-message", "true");
        }
        SpringApplication.run(FundbookApplication.class, args);
    }
}
