package org.fundbook;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class FundbookApplication {

    public static void main(String[] args) {
        SpringApplication.run(FundbookApplication.class, args);
    }
}
