package org.fundbook.pages;

import java.time.Duration;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Khmer first: a page is in Khmer unless the caller chose English with the switch ({@code ?lang=en}), which a
 * cookie remembers for a year. Only the two languages of the bundles are offered.
 */
@Configuration(proxyBeanMethods = false)
public class PageConfiguration implements WebMvcConfigurer {

    public static final Locale KHMER = Locale.forLanguageTag("km");
    public static final Locale ENGLISH = Locale.ENGLISH;

    /**
     * The words of the pages: one bundle per part ({@code messages}, {@code i18n/leader}, {@code i18n/reports},
     * {@code i18n/admin}), each only in Khmer ({@code _km}) and English ({@code _en}) — there is no third,
     * language-less file for a word to hide in. A key missing from the language asked for shows as the key
     * (MessageBundlesTest keeps both complete).
     */
    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("messages", "i18n/leader", "i18n/reports", "i18n/admin");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("lang") {
            @Override
            public void setLocale(jakarta.servlet.http.HttpServletRequest request,
                                  jakarta.servlet.http.HttpServletResponse response, Locale locale) {
                super.setLocale(request, response, ENGLISH.getLanguage().equals(
                        locale == null ? null : locale.getLanguage()) ? ENGLISH : KHMER);
            }
        };
        resolver.setDefaultLocale(KHMER);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        resolver.setCookieHttpOnly(true);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).excludePathPatterns("/api/**");
    }
}
